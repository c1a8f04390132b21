import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Link, useLocation } from 'wouter';
import { actionsForMeeting } from '@shared/meetings/actions';
import {
  addAgendaItem,
  agendaFromTemplate,
  insertAgendaItem,
  moveAgendaItem,
  removeAgendaItem,
  totalMinutes,
  updateAgendaItem,
} from '@shared/meetings/agenda';
import { previousMonth, todayIn } from '@shared/meetings/cadence';
import type { AgendaItem, Meeting } from '@shared/meetings/records';
import { formatClock, itemElapsedMs } from '@shared/meetings/timer';
import type { Member } from '@shared/records/member';
import { useApp } from '../../app/AppContext';
import { newId } from '../../db/ids';
import { ConfirmDialog } from '../../ui/Dialog';
import { DateField, MonthField } from '../../ui/DateField';
import { DraftField } from '../../ui/DraftField';
import { Field } from '../../ui/Field';
import { MoveButtons } from '../../ui/MoveButtons';
import { toastAction } from '../../ui/toastActions';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Breadcrumb, Loading, NotFound } from '../../ui/WorkspaceGate';
import { ActionsTable, AddActionForm, MemberOptions, OverdueBasis } from './ActionItems';
import { AddDecisionForm, DecisionList } from './Decisions';
import { formatDay, formatTime, parseItemMinutes, parseText, saveError } from './format';
import { KpiSnapshotTable } from './KpiSnapshotTable';
import { LeadQualitySlot } from './LeadQualitySlot';
import { deleteMeeting, restoreMeeting, updateMeeting } from './meetingStore';
import { StateBadge } from './MeetingsPage';
import { minutesExportRequest } from './minutesExport';
import { hasNotesDraft, NotesField } from './NotesField';
import { findMeeting, useWorkspaceMeetings } from './useMeetingData';
import './meetings.css';
import { memberLabel } from '../../ui/memberLabel';

type Save = (change: (meeting: Meeting, now: number) => Meeting) => Promise<boolean>;

function useSave(workspaceId: string, meetingId: string): Save {
  const { t } = useTranslation();
  return async (change) => {
    try {
      await updateMeeting(workspaceId, meetingId, change);
      return true;
    } catch (error) {
      toast.error(saveError(t, error));
      return false;
    }
  };
}

function Details(props: { workspaceId: string; meeting: Meeting; members: readonly Member[] }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useSave(props.workspaceId, props.meeting.id);
  const { meeting } = props;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('meetings.meeting.details')}</h2>
      <div className="meeting-form-fields">
        <DraftField
          className="grow"
          label={t('meetings.meeting.titleField')}
          value={meeting.title}
          maxLength={200}
          parse={(text) => parseText(t, text, t('meetings.meeting.titleField'), 200)}
          onCommit={(title) => {
            if (title !== meeting.title) void save((m) => ({ ...m, title }));
          }}
        />
        <Field label={t('meetings.meeting.date')}>
          {(control) => (
            <DateField
              {...control}
              required
              value={meeting.date}
              onChange={(date) => void save((m) => ({ ...m, date, kpiPeriod: m.kpiPeriod === previousMonth(m.date) ? previousMonth(date) : m.kpiPeriod }))}
            />
          )}
        </Field>
        <Field label={t('meetings.meeting.kpiPeriod')} hint={t('meetings.meeting.kpiPeriodHint')}>
          {(control) => (
            <MonthField
              {...control}
              required
              value={meeting.kpiPeriod ?? previousMonth(meeting.date)}
              // A required month field gives only whole months (YYYY-MM), never empty.
              onChange={(kpiPeriod) => void save((m) => ({ ...m, kpiPeriod }))}
            />
          )}
        </Field>
      </div>
      <fieldset className="field meeting-attendees">
        <legend>{t('meetings.meeting.attendees')}</legend>
        {props.members.length === 0 ? <p>{t('meetings.meeting.noMembers')}</p> : null}
        {props.members.map((member) => (
          <label key={member.id} className="meeting-check">
            <input
              type="checkbox"
              checked={meeting.attendeeIds.includes(member.id)}
              onChange={(event) => {
                const checked = event.target.checked;
                void save((m) => ({
                  ...m,
                  attendeeIds: checked ? [...new Set([...m.attendeeIds, member.id])] : m.attendeeIds.filter((attendee) => attendee !== member.id),
                }));
              }}
            />{' '}
            {memberLabel(t, member)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function AgendaRow(props: { workspaceId: string; meeting: Meeting; item: AgendaItem; index: number; members: readonly Member[] }) {
  const { t } = useTranslation();
  const save = useSave(props.workspaceId, props.meeting.id);
  const { item, index, meeting } = props;
  const elapsed = itemElapsedMs(meeting, item, Date.parse(meeting.endedAt ?? meeting.updatedAt));
  // An item without notes shows a button, not an empty box: the agenda fits on a screen or two.
  // Notes written since (or a draft a closed page left) open the field.
  const [notesOpened, setNotesOpened] = useState(false);
  const notesShown = notesOpened || item.notes !== '' || hasNotesDraft(props.workspaceId, meeting.id, item.id);
  const notesRef = useRef<HTMLTextAreaElement>(null);

  async function remove() {
    let removed: { item: AgendaItem; index: number } | null = null;
    const ok = await save((m, now) => {
      const result = removeAgendaItem(m, item.id, now);
      removed = result.removed;
      return result.meeting;
    });
    const restore = removed as { item: AgendaItem; index: number } | null;
    if (!ok || !restore) return;
    toast(t('meetings.agenda.removed', { title: item.title }), {
      duration: 8_000,
      action: toastAction(t('common.undo'), () => void save((m) => insertAgendaItem(m, restore.item, restore.index))),
    });
  }

  return (
    <li className="meeting-agenda-item">
      <fieldset>
        <legend className="visually-hidden">{t('meetings.agenda.titleFor', { number: index + 1 })}</legend>
        <div className="meeting-form-fields">
          <span className="meeting-agenda-number" aria-hidden="true">
            {index + 1}.
          </span>
          <DraftField
            className="grow"
            label={t('meetings.agenda.titleFor', { number: index + 1 })}
            value={item.title}
            maxLength={200}
            parse={(text) => parseText(t, text, t('meetings.agenda.itemTitle'), 200)}
            onCommit={(title) => {
              if (title !== item.title) void save((m) => updateAgendaItem(m, item.id, { title }));
            }}
          />
          <DraftField
            className="meeting-minutes"
            label={t('meetings.agenda.minutes')}
            value={String(item.minutes)}
            inputMode="numeric"
            parse={(text) => parseItemMinutes(t, text)}
            onCommit={(minutes) => {
              if (minutes !== item.minutes) void save((m) => updateAgendaItem(m, item.id, { minutes }));
            }}
          />
          <Field label={t('meetings.agenda.owner')}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={item.ownerId ?? ''}
                onChange={(event) => {
                  const ownerId = event.target.value || null;
                  void save((m) => updateAgendaItem(m, item.id, { ownerId }));
                }}
              >
                <MemberOptions members={props.members} />
              </select>
            )}
          </Field>
          <div className="meeting-form-submit meeting-row-buttons">
            <MoveButtons
              index={index}
              count={meeting.agenda.length}
              labels={{ up: t('meetings.agenda.moveUpLabel', { title: item.title }), down: t('meetings.agenda.moveDownLabel', { title: item.title }) }}
              text={{ up: t('meetings.agenda.moveUp'), down: t('meetings.agenda.moveDown') }}
              onMove={(delta) => void save((m) => moveAgendaItem(m, item.id, delta))}
            />
            <button type="button" className="button small danger" aria-label={t('meetings.agenda.removeLabel', { title: item.title })} onClick={() => void remove()}>
              {t('meetings.agenda.remove')}
            </button>
          </div>
        </div>
        {elapsed > 0 ? <p className="muted">{t('meetings.agenda.used', { time: formatClock(elapsed) })}</p> : null}
        {notesShown ? (
          <NotesField ref={notesRef} workspaceId={props.workspaceId} meetingId={meeting.id} item={item} label={t('meetings.agenda.notesFor', { title: item.title })} rows={3} />
        ) : (
          <button
            type="button"
            className="button small agenda-add-notes"
            aria-label={t('layout.addNotesFor', { title: item.title })}
            onClick={() => {
              setNotesOpened(true);
              requestAnimationFrame(() => notesRef.current?.focus());
            }}
          >
            {t('layout.addNotes')}
          </button>
        )}
        {item.kind === 'leadQuality' ? <LeadQualitySlot workspaceId={props.workspaceId} period={meeting.kpiPeriod ?? previousMonth(meeting.date)} collapsed /> : null}
        <DecisionList workspaceId={props.workspaceId} meeting={meeting} decisions={meeting.decisions.filter((decision) => decision.agendaItemId === item.id)} hideEmpty />
      </fieldset>
    </li>
  );
}

function AddAgendaItemForm(props: { workspaceId: string; meeting: Meeting; members: readonly Member[] }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useSave(props.workspaceId, props.meeting.id);
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [ownerId, setOwnerId] = useState('');
  const [errors, setErrors] = useState<{ title?: string; minutes?: string }>({});
  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsedTitle = parseText(t, title, t('meetings.agenda.itemTitle'), 200);
    const parsedMinutes = parseItemMinutes(t, minutes);
    setErrors({ title: parsedTitle.ok ? undefined : parsedTitle.error, minutes: parsedMinutes.ok ? undefined : parsedMinutes.error });
    if (!parsedTitle.ok || !parsedMinutes.ok) return;
    const ok = await save((m) =>
      addAgendaItem(m, { id: newId(), kind: 'custom', title: parsedTitle.value, minutes: parsedMinutes.value, ownerId: ownerId || null, notes: '', elapsedMs: 0 }),
    );
    if (ok) {
      toast.success(t('meetings.agenda.added', { title: parsedTitle.value }));
      setTitle('');
    }
  }
  return (
    <form className="meeting-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="meeting-form-title">
        {t('meetings.agenda.addTitle')}
      </h3>
      <div className="meeting-form-fields">
        <Field className="grow" label={t('meetings.agenda.itemTitle')} error={errors.title}>
          {(control) => <input {...control} className="input" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <Field className="meeting-minutes" label={t('meetings.agenda.minutes')} error={errors.minutes}>
          {(control) => <input {...control} className="input" inputMode="numeric" value={minutes} onChange={(event) => setMinutes(event.target.value)} />}
        </Field>
        <Field label={t('meetings.agenda.owner')}>
          {(control) => (
            <select {...control} className="input" value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
              <MemberOptions members={props.members} />
            </select>
          )}
        </Field>
        <div className="field meeting-form-submit">
          <button type="submit" className="button">
            {t('meetings.agenda.add')}
          </button>
        </div>
      </div>
    </form>
  );
}

/** `#/w/:id/meetings/:meetingId`: plan a meeting before it runs, review and correct it after. */
export function MeetingPage(props: { workspaceId: string; meetingId: string }) {
  const { t } = useTranslation();
  const { language, host } = useApp();
  const [, navigate] = useLocation();
  const data = useWorkspaceMeetings(props.workspaceId);
  const meeting = data ? findMeeting(data, props.meetingId) : null;
  const id = useId();
  const [deleting, setDeleting] = useState(false);
  useDocumentTitle(meeting?.title ?? t('app.loading'));

  if (data === undefined) return <Loading />;
  if (!data.workspace) return <NotFound />;
  if (!meeting) return <NotFound title={t('meetings.meeting.notFound')} back={{ href: `/w/${props.workspaceId}/meetings`, label: t('meetings.open') }} />;
  const today = todayIn();
  const entries = actionsForMeeting(meeting, data.actions, data.meetings);
  const run = `/w/${props.workspaceId}/meetings/${meeting.id}/run`;

  async function exportMinutes() {
    try {
      await host.exportPdf(minutesExportRequest(props.workspaceId, meeting!));
    } catch (error) {
      toast.error(saveError(t, error));
    }
  }
  async function remove() {
    try {
      const removed = await deleteMeeting(props.workspaceId, meeting!.id);
      if (!removed) return;
      navigate(`/w/${props.workspaceId}/meetings`);
      toast(t('meetings.meeting.deleted', { title: removed.title }), {
        duration: 8_000,
        action: toastAction(t('common.undo'), () => void restoreMeeting(removed).catch((error: unknown) => toast.error(saveError(t, error)))),
      });
    } catch (error) {
      toast.error(saveError(t, error));
    }
  }

  return (
    <section className="page meeting-page" aria-labelledby={`${id}-title`}>
      <Breadcrumb workspace={data.workspace} trail={[{ href: `/w/${props.workspaceId}/meetings`, label: t('meetings.title') }]} />
      <div className="page-header">
        <h1 id={`${id}-title`}>{meeting.title}</h1>
        <div className="toolbar">
          {meeting.state !== 'ended' ? (
            <Link href={run} className="button primary">
              {meeting.state === 'running' ? t('meetings.meeting.resume') : t('meetings.meeting.run')}
            </Link>
          ) : null}
          <button type="button" className={`button ${meeting.state === 'ended' ? 'primary' : ''}`} onClick={() => void exportMinutes()}>
            {t('meetings.meeting.exportMinutes')}
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => (meeting.state === 'running' ? toast.error(t('meetings.meeting.runningCannotDelete')) : setDeleting(true))}
          >
            {t('meetings.meeting.delete')}
          </button>
        </div>
      </div>
      <p className="meeting-status-line">
        <StateBadge state={meeting.state} /> <time dateTime={meeting.date}>{formatDay(meeting.date, language, 'full')}</time>
        {meeting.startedAt ? <span className="muted"> · {t('meetings.meeting.startedAt', { time: formatTime(meeting.startedAt, language) })}</span> : null}
        {meeting.endedAt ? <span className="muted"> · {t('meetings.meeting.endedAt', { time: formatTime(meeting.endedAt, language) })}</span> : null}
      </p>
      {meeting.state === 'ended' ? (
        <p className="meeting-note" role="note">
          {t('meetings.meeting.endedNote')}
        </p>
      ) : null}

      <Details workspaceId={props.workspaceId} meeting={meeting} members={data.members} />

      <section className="card" aria-labelledby={`${id}-agenda`}>
        <div className="section-header">
          <h2 id={`${id}-agenda`}>{t('meetings.agenda.title')}</h2>
          <span className="muted">{t('meetings.agenda.total', { minutes: new Intl.NumberFormat(language).format(totalMinutes(meeting.agenda)) })}</span>
        </div>
        {meeting.agenda.length === 0 ? (
          <>
            <p>{t('meetings.agenda.empty')}</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                const attendees = data.members.filter((member) => meeting.attendeeIds.includes(member.id));
                const items = agendaFromTemplate({ members: attendees, title: (kind) => t(`meetings.agendaKinds.${kind}`), newId });
                void updateMeeting(props.workspaceId, meeting.id, (m) => ({ ...m, agenda: [...m.agenda, ...items] })).catch((error: unknown) =>
                  toast.error(saveError(t, error)),
                );
              }}
            >
              {t('meetings.agenda.useTemplate')}
            </button>
          </>
        ) : (
          <ol className="meeting-agenda">
            {meeting.agenda.map((item, index) => (
              <AgendaRow key={item.id} workspaceId={props.workspaceId} meeting={meeting} item={item} index={index} members={data.members} />
            ))}
          </ol>
        )}
        <AddAgendaItemForm workspaceId={props.workspaceId} meeting={meeting} members={data.members} />
      </section>

      <section className="card" aria-labelledby={`${id}-decisions`}>
        <h2 id={`${id}-decisions`}>{t('meetings.decisions.title')}</h2>
        <DecisionList workspaceId={props.workspaceId} meeting={meeting} decisions={meeting.decisions} editable />
        <AddDecisionForm workspaceId={props.workspaceId} meetingId={meeting.id} agendaItemId={null} />
      </section>

      <section className="card" aria-labelledby={`${id}-actions`}>
        <h2 id={`${id}-actions`}>{t('meetings.actions.title')}</h2>
        <p className="muted">{t('meetings.actions.intro')}</p>
        <OverdueBasis entries={entries} meetingDate={meeting.date} today={today} />
        <ActionsTable caption={t('meetings.actions.title')} entries={entries} members={data.members} meetings={data.meetings} meetingId={meeting.id} today={today} />
        <AddActionForm workspaceId={props.workspaceId} meetingId={meeting.id} members={data.members} />
      </section>

      {meeting.state === 'ended' ? (
        <section className="card" aria-labelledby={`${id}-kpis`}>
          <h2 id={`${id}-kpis`}>{t('meetings.meeting.kpiSnapshot')}</h2>
          <p className="muted">{t('meetings.meeting.kpiSnapshotHint')}</p>
          <KpiSnapshotTable rows={meeting.kpiSnapshot} />
        </section>
      ) : null}

      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={t('meetings.meeting.deleteTitle', { title: meeting.title })}
        description={t('meetings.meeting.deleteBody')}
        confirmLabel={t('meetings.meeting.delete')}
        onConfirm={() => void remove()}
      />
    </section>
  );
}
