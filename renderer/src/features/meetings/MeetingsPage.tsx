import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Link, useLocation } from 'wouter';
import { isClosedStatus, isOpen, openActions, type MeetingAction } from '@shared/meetings/actions';
import { agendaFromTemplate } from '@shared/meetings/agenda';
import { isCalendarDate, previousMonth, todayIn } from '@shared/meetings/cadence';
import { CADENCES, type Cadence } from '@shared/meetings/records';
import { useApp } from '../../app/AppContext';
import type { MeetingSeriesRow } from '../../db/db';
import { newId } from '../../db/ids';
import { ConfirmDialog } from '../../ui/Dialog';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { toastAction } from '../../ui/toastActions';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Breadcrumb, Loading, NotFound } from '../../ui/WorkspaceGate';
import { ActionsTable, AddActionForm } from './ActionItems';
import { formatDay, meetingTitle, parseDate, parseText, saveError } from './format';
import { createSeries, deleteSeries, planMeeting, restoreSeries, updateSeries } from './meetingStore';
import { useWorkspaceMeetings, type WorkspaceMeetings } from './useMeetingData';
import './meetings.css';

type SeriesErrors = { name?: string; nextDate?: string };

/** Create (no series yet) or edit a series: name, cadence, next date. */
function SeriesForm(props: { workspaceId: string; series: MeetingSeriesRow | null }) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.series?.name ?? t('meetings.defaultSeriesName'));
  const [cadence, setCadence] = useState<Cadence>(props.series?.cadence ?? 'monthly');
  const [nextDate, setNextDate] = useState(props.series?.nextDate ?? todayIn());
  const [errors, setErrors] = useState<SeriesErrors>({});
  const { language } = useApp();
  // A date already past is allowed (catching up on a meeting held without the app), but said.
  const past = isCalendarDate(nextDate) && nextDate < todayIn();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsedName = parseText(t, name, t('meetings.series.name'), 200);
    const parsedDate = parseDate(t, nextDate, t('meetings.series.nextDate'));
    setErrors({ name: parsedName.ok ? undefined : parsedName.error, nextDate: parsedDate.ok ? undefined : parsedDate.error });
    if (!parsedName.ok || !parsedDate.ok) return;
    try {
      if (props.series) {
        await updateSeries(props.workspaceId, props.series.id, { name: parsedName.value, cadence, nextDate: parsedDate.value });
        toast.success(t('meetings.series.saved'));
      } else {
        // No default attendees: every member at the time a meeting is planned, newcomers included.
        await createSeries(props.workspaceId, { name: parsedName.value, cadence, nextDate: parsedDate.value, defaultAttendeeIds: [] });
        toast.success(t('meetings.series.created', { name: parsedName.value }));
      }
    } catch (error) {
      toast.error(saveError(t, error));
    }
  }

  return (
    <form className="meeting-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="meeting-form-fields">
        <Field className="grow" label={t('meetings.series.name')} error={errors.name}>
          {(control) => <input {...control} className="input" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label={t('meetings.series.cadence')}>
          {(control) => (
            <select {...control} className="input" value={cadence} onChange={(event) => setCadence(event.target.value as Cadence)}>
              {CADENCES.map((value) => (
                <option key={value} value={value}>
                  {t(`meetings.cadences.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('meetings.series.nextDate')} error={errors.nextDate} hint={past && !errors.nextDate ? t('meetings.series.nextDatePast', { date: formatDay(nextDate, language) }) : undefined}>
          {(control) => <DateField {...control} value={nextDate} required onChange={setNextDate} />}
        </Field>
        <div className="field meeting-form-submit">
          <button type="submit" className={`button ${props.series ? '' : 'primary'}`}>
            {props.series ? t('meetings.series.save') : t('meetings.series.create')}
          </button>
        </div>
      </div>
    </form>
  );
}

function SeriesCard(props: { data: WorkspaceMeetings; workspaceId: string; series: MeetingSeriesRow; onDeleted(): void }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [, navigate] = useLocation();
  const id = useId();
  const { series, data } = props;
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);

  /** Deletes the series only: its meetings (keeping their seriesId) and action items stay. */
  async function remove() {
    try {
      const removed = await deleteSeries(props.workspaceId, series.id);
      if (!removed) return;
      props.onDeleted();
      toast(t('meetings.series.deleted', { name: removed.name }), {
        duration: 8_000,
        action: toastAction(t('common.undo'), () => void restoreSeries(removed).catch((error: unknown) => toast.error(saveError(t, error)))),
      });
    } catch (error) {
      toast.error(saveError(t, error));
    }
  }

  async function plan() {
    setBusy(true);
    try {
      const date = series.nextDate;
      const present = new Set(data.members.map((member) => member.id));
      const invited = series.defaultAttendeeIds.filter((memberId) => present.has(memberId));
      const attendeeIds = invited.length > 0 ? invited : data.members.map((member) => member.id);
      const attendees = data.members.filter((member) => attendeeIds.includes(member.id));
      const agenda = agendaFromTemplate({ members: attendees, title: (kind) => t(`meetings.agendaKinds.${kind}`), newId });
      const row = await planMeeting(props.workspaceId, {
        seriesId: series.id,
        title: meetingTitle(t, series.name, formatDay(date, language)),
        date,
        attendeeIds,
        agenda,
        kpiPeriod: previousMonth(date),
      });
      toast.success(t('meetings.series.planned', { date: formatDay(date, language) }));
      navigate(`/w/${props.workspaceId}/meetings/${row.id}`);
    } catch (error) {
      toast.error(saveError(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="section-header">
        <h2 id={`${id}-title`}>{series.name}</h2>
        <button type="button" className="button primary" disabled={busy} onClick={() => void plan()}>
          {t('meetings.series.plan', { date: formatDay(series.nextDate, language) })}
        </button>
      </div>
      <p>{t('meetings.nextMeeting', { date: formatDay(series.nextDate, language, 'full'), cadence: t(`meetings.cadences.${series.cadence}`) })}</p>
      <SeriesForm key={`${series.id}:${series.updatedAt}`} workspaceId={props.workspaceId} series={series} />
      <p className="muted">{t('meetings.series.attendeesHint')}</p>
      <div className="toolbar">
        <button type="button" className="button danger" aria-label={t('meetings.series.deleteLabel', { name: series.name })} onClick={() => setDeleting(true)}>
          {t('meetings.series.delete')}
        </button>
      </div>
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={t('meetings.series.deleteTitle', { name: series.name })}
        description={t('meetings.series.deleteBody')}
        confirmLabel={t('meetings.series.delete')}
        onConfirm={() => void remove()}
      />
    </section>
  );
}

function MeetingsTable(props: { data: WorkspaceMeetings; workspaceId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const meetings = [...props.data.meetings].reverse();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('meetings.list.title')}</h2>
      {meetings.length === 0 ? (
        <p>{t('meetings.list.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('meetings.list.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.list.name')}</th>
              <th scope="col">{t('meetings.list.date')}</th>
              <th scope="col">{t('meetings.list.state')}</th>
              <th scope="col" className="num">
                {t('meetings.list.decisions')}
              </th>
              <th scope="col">{t('meetings.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((meeting) => {
              const created = props.data.actions.filter((action) => action.createdInMeetingId === meeting.id).length;
              const closed = props.data.actions.filter((action) => action.closedInMeetingId === meeting.id && isClosedStatus(action.status)).length;
              return (
                <tr key={meeting.id}>
                  <th scope="row">
                    <Link href={`/w/${props.workspaceId}/meetings/${meeting.id}`} className="row-link">
                      {meeting.title}
                    </Link>
                  </th>
                  <td>
                    <time dateTime={meeting.date}>{formatDay(meeting.date, language)}</time>
                  </td>
                  <td>
                    <StateBadge state={meeting.state} />
                  </td>
                  <td className="num">{new Intl.NumberFormat(language).format(meeting.decisions.length)}</td>
                  <td>{t('meetings.list.actionsCell', { created: new Intl.NumberFormat(language).format(created), closed: new Intl.NumberFormat(language).format(closed) })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function StateBadge(props: { state: 'planned' | 'running' | 'ended' }) {
  const { t } = useTranslation();
  const icon = props.state === 'running' ? '▶' : props.state === 'ended' ? '✓' : '○';
  return (
    <span className={`meeting-state meeting-state-${props.state}`}>
      <span aria-hidden="true">{icon} </span>
      {t(`meetings.states.${props.state}`)}
    </span>
  );
}

/** `#/w/:id/meetings`: the regular meeting (series), its meetings, and every open action item. */
export function MeetingsPage(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const data = useWorkspaceMeetings(props.workspaceId);
  const id = useId();
  // After the series is deleted, focus goes to the set-up card that takes its place.
  const setUpHeading = useRef<HTMLHeadingElement>(null);
  const [focusSetUp, setFocusSetUp] = useState(false);
  const seriesCount = data?.series.length;
  useEffect(() => {
    if (focusSetUp && seriesCount === 0 && setUpHeading.current) {
      setUpHeading.current.focus();
      setFocusSetUp(false);
    }
  }, [focusSetUp, seriesCount]);
  useDocumentTitle(`${t('meetings.title')} — ${data?.workspace?.name ?? t('app.loading')}`);
  if (data === undefined) return <Loading />;
  if (!data.workspace) return <NotFound />;
  const today = todayIn();
  const open: MeetingAction[] = openActions(data.actions, today).map((action) => ({ action, origin: 'carried', closedHere: false }));
  return (
    <section className="page meetings-page" aria-labelledby={`${id}-title`}>
      <Breadcrumb workspace={data.workspace} />
      <div className="page-header">
        <h1 id={`${id}-title`}>{t('meetings.title')}</h1>
      </div>
      <p className="muted">{t('meetings.sectionIntro')}</p>
      {data.series.length === 0 ? (
        <section className="card" aria-labelledby={`${id}-setup`}>
          <h2 id={`${id}-setup`} ref={setUpHeading} tabIndex={-1}>
            {t('meetings.series.setUpTitle')}
          </h2>
          <p className="muted">{t('meetings.series.setUpIntro')}</p>
          {data.meetings.length > 0 ? <p className="muted">{t('meetings.series.setUpAgainIntro')}</p> : null}
          <SeriesForm workspaceId={props.workspaceId} series={null} />
        </section>
      ) : (
        data.series.map((series) => (
          <SeriesCard key={series.id} data={data} workspaceId={props.workspaceId} series={series} onDeleted={() => setFocusSetUp(true)} />
        ))
      )}
      <MeetingsTable data={data} workspaceId={props.workspaceId} />
      <section className="card" aria-labelledby={`${id}-open`}>
        <h2 id={`${id}-open`}>
          {t('meetings.openActions.title')} <span className="count">({new Intl.NumberFormat(language).format(data.actions.filter(isOpen).length)})</span>
        </h2>
        <p className="muted">{t('meetings.openActions.intro')}</p>
        <ActionsTable
          caption={t('meetings.openActions.title')}
          entries={open}
          members={data.members}
          meetings={data.meetings}
          meetingId={null}
          today={today}
          empty={t('meetings.openActions.empty')}
        />
        <AddActionForm workspaceId={props.workspaceId} meetingId={null} members={data.members} />
      </section>
    </section>
  );
}
