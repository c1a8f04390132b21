import { useLiveQuery } from 'dexie-react-hooks';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { actionsForMeeting, isClosedStatus, isOverdueInMeeting, type MeetingAction } from '@shared/meetings/actions';
import { sortMeetings } from '@shared/meetings/actions';
import type { Member } from '@shared/records/member';
import { itemElapsedMs } from '@shared/meetings/timer';
import { useApp } from '../../app/AppContext';
import { db } from '../../db/db';
import { PrintLayout, printClasses } from '../print/PrintLayout';
import { usePrintReady } from '../print/usePrintReady';
import { ActionColumnHeaders } from './ActionItems';
import { formatDay, formatTime, memberName, sortMembers } from './format';
import { KpiSnapshotTable } from './KpiSnapshotTable';
import './meetings.css';
import { memberLabel } from '../../ui/memberLabel';

function ActionGroup(props: { title: string; entries: readonly MeetingAction[]; members: readonly Member[]; overdueOn: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  // The minutes say how an item stood in this meeting: one closed later was still open here.
  const status = ({ action, closedHere }: MeetingAction) => {
    if (closedHere || !isClosedStatus(action.status)) return t(`meetings.statuses.${action.status}`);
    const when = action.closedAt ? new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(action.closedAt)) : '';
    return t('meetings.minutes.closedLater', { status: t(`meetings.statuses.${action.status}`), date: when });
  };
  return (
    <section className={printClasses.avoidBreak}>
      <h3 className={printClasses.keepWithNext}>{props.title}</h3>
      {props.entries.length === 0 ? (
        <p>{t('meetings.minutes.none')}</p>
      ) : (
        <table className="minutes-table">
          <thead>
            <tr>
              <ActionColumnHeaders />
            </tr>
          </thead>
          <tbody>
            {props.entries.map((entry) => {
              const { action } = entry;
              return (
              <tr key={action.id}>
                <th scope="row">{action.title}</th>
                <td>{memberName(t, props.members, action.ownerId)}</td>
                <td>{t(`meetings.departments.${action.department}`)}</td>
                <td>
                  {action.dueDate ? formatDay(action.dueDate, language) : t('meetings.actions.noDueDate')}
                  {isOverdueInMeeting(entry, props.overdueOn) ? ` ${t('meetings.minutes.overdueMark')}` : ''}
                </td>
                <td>{status(entry)}</td>
              </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The time an item took, in the words of its plan beside it ("Planned: 15 min · Spent: 14 min"):
 * whole minutes, or seconds under a minute. Not the run mode's clock, "14:00", which on paper
 * reads as a time of day.
 */
function spentText(t: TFunction, ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? t('meetings.minutes.spentSeconds', { seconds }) : t('meetings.minutes.spent', { minutes: Math.round(seconds / 60) });
}

/**
 * `#/print/minutes/:workspaceId/:meetingId`: the minutes as a filed document — title, date,
 * attendees, agenda with notes and time spent, decisions, action items (created here, closed here,
 * still open and carried), and the KPI snapshot taken when the meeting ended. Page footers
 * ("Minutes", date, n / N) are drawn by the PDF printer.
 */
export function MinutesPrint(props: { workspaceId: string; meetingId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const data = useLiveQuery(async () => {
    const [workspace, meeting, meetings, actions, members] = await Promise.all([
      db.workspaces.get(props.workspaceId),
      db.meetings.get([props.workspaceId, props.meetingId]),
      db.meetings.where('workspaceId').equals(props.workspaceId).toArray(),
      db.actionItems.where('workspaceId').equals(props.workspaceId).toArray(),
      db.members.where('workspaceId').equals(props.workspaceId).toArray(),
    ]);
    return { workspace: workspace ?? null, meeting: meeting ?? null, meetings: sortMeetings(meetings), actions, members };
  }, [props.workspaceId, props.meetingId]);
  const missing = data !== undefined && (data.workspace === null || data.meeting === null);
  usePrintReady(Boolean(data && !missing), missing ? 'the meeting does not exist' : null);

  if (!data) return null;
  if (!data.workspace || !data.meeting) return <p role="alert">{t('meetings.meeting.notFound')}</p>;
  const { meeting, members, workspace } = data;
  const entries = actionsForMeeting(meeting, data.actions, data.meetings);
  const created = entries.filter((entry) => entry.origin === 'new');
  const closed = entries.filter((entry) => entry.closedHere);
  const stillOpen = entries.filter((entry) => entry.origin === 'carried' && !entry.closedHere);
  const attendees = sortMembers(
    members.filter((member) => meeting.attendeeIds.includes(member.id)),
    language,
  );
  // As of the last write (the meeting's time is folded into its items when it ends or pauses).
  const now = Date.parse(meeting.endedAt ?? meeting.updatedAt);

  return (
    <PrintLayout kind="minutes" title={t('meetings.minutes.documentTitle', { title: meeting.title })}>
      <article className="minutes-print" lang={language}>
        <header>
          <p className="minutes-kicker">{t('meetings.minutes.kicker')}</p>
          <h1>{meeting.title}</h1>
          <dl className="minutes-facts">
            <dt>{t('meetings.minutes.workspace')}</dt>
            <dd>{workspace.name}</dd>
            <dt>{t('meetings.minutes.date')}</dt>
            <dd>{formatDay(meeting.date, language, 'full')}</dd>
            {meeting.startedAt ? (
              <>
                <dt>{t('meetings.minutes.time')}</dt>
                <dd>
                  {t('meetings.minutes.timeValue', {
                    start: formatTime(meeting.startedAt, language),
                    end: meeting.endedAt ? formatTime(meeting.endedAt, language) : '',
                  })}
                </dd>
              </>
            ) : null}
            <dt>{t('meetings.minutes.attendees')}</dt>
            <dd>
              {attendees.length === 0 ? (
                t('meetings.minutes.noAttendees')
              ) : (
                <ul className="minutes-attendees">
                  {attendees.map((member) => (
                    <li key={member.id}>{memberLabel(t, member, { title: true })}</li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        </header>

        <section>
          <h2 className={printClasses.keepWithNext}>{t('meetings.minutes.agenda')}</h2>
          <ol className="minutes-agenda">
            {meeting.agenda.map((item) => {
              const decisions = meeting.decisions.filter((decision) => decision.agendaItemId === item.id);
              const spent = itemElapsedMs(meeting, item, now);
              return (
                <li key={item.id} className={printClasses.avoidBreak}>
                  <h3 className={printClasses.keepWithNext}>{item.title}</h3>
                  <p className="minutes-meta">
                    {t('meetings.minutes.owner', { name: memberName(t, members, item.ownerId) })} · {t('meetings.minutes.planned', { minutes: item.minutes })}
                    {Math.round(spent / 1000) > 0 ? ` · ${spentText(t, spent)}` : ''}
                  </p>
                  {item.notes.trim() ? <p className="minutes-notes">{item.notes}</p> : <p className="minutes-meta">{t('meetings.minutes.noNotes')}</p>}
                  {decisions.length > 0 ? (
                    <ul className="minutes-decisions">
                      {decisions.map((decision) => (
                        <li key={decision.id}>
                          <strong>{t('meetings.minutes.decisionLabel')}</strong> {decision.text}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>

        <section>
          <h2 className={printClasses.keepWithNext}>{t('meetings.decisions.title')}</h2>
          {meeting.decisions.length === 0 ? (
            <p>{t('meetings.decisions.empty')}</p>
          ) : (
            <ol className="minutes-decisions">
              {meeting.decisions.map((decision) => {
                const item = meeting.agenda.find((candidate) => candidate.id === decision.agendaItemId);
                return (
                  <li key={decision.id}>
                    {decision.text}
                    {item ? <span className="minutes-meta"> — {t('meetings.decisions.forItem', { title: item.title })}</span> : null}
                  </li>
                );
              })}
            </ol>
          )}
        </section>

        <section>
          <h2 className={printClasses.keepWithNext}>{t('meetings.actions.title')}</h2>
          {/* The minutes record the meeting's day: overdue is counted against it, and said so. */}
          {entries.some((entry) => isOverdueInMeeting(entry, meeting.date)) ? (
            <p className="minutes-meta">{t('meetings.minutes.overdueBasis', { date: formatDay(meeting.date, language) })}</p>
          ) : null}
          <ActionGroup title={t('meetings.actions.groupNew')} entries={created} members={members} overdueOn={meeting.date} />
          <ActionGroup title={t('meetings.actions.groupClosed')} entries={closed} members={members} overdueOn={meeting.date} />
          <ActionGroup title={t('meetings.actions.groupOpen')} entries={stillOpen} members={members} overdueOn={meeting.date} />
        </section>

        <section className={printClasses.avoidBreak}>
          <h2 className={printClasses.keepWithNext}>{t('meetings.meeting.kpiSnapshot')}</h2>
          <KpiSnapshotTable rows={meeting.kpiSnapshot} />
        </section>
      </article>
    </PrintLayout>
  );
}
