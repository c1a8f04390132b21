import { type FormEvent, forwardRef, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { daysOverdue, isClosedStatus, isOverdue, isOverdueInMeeting, type MeetingAction } from '@shared/meetings/actions';
import { departmentOf } from '@shared/meetings/agenda';
import { ACTION_DEPARTMENTS, ACTION_STATUSES, type ActionDepartment, type ActionItem, type ActionStatus } from '@shared/meetings/records';
import type { Member } from '@shared/records/member';
import { useApp } from '../../app/AppContext';
import type { ActionItemRow, MeetingRow } from '../../db/db';
import { DataTable, RowActions } from '../../ui/DataTable';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { toastAction } from '../../ui/toastActions';
import { formatDay, memberName, parseDate, parseText, saveError, sortMembers } from './format';
import { addAction, deleteAction, restoreAction, restoreActionStatus, setActionStatus, updateAction } from './meetingStore';
import { Dialog } from '../../ui/Dialog';
import { useFocusAfterRemoval } from '../../ui/useFocusAfterRemoval';
import { memberLabel } from '../../ui/memberLabel';

/**
 * On a meeting's live page (the page, run mode) overdue counts against today, since the statuses
 * are live; the meeting's minutes count against the meeting's date (isOverdueInMeeting). When the
 * two days differ and either finds an item overdue, the page says which day it counts against, so
 * a reader comparing it with the minutes of a coming (or past) meeting is not misled.
 */
export function OverdueBasis(props: { entries: readonly MeetingAction[]; meetingDate: string; today: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  if (props.meetingDate === props.today) return null;
  if (!props.entries.some((entry) => isOverdue(entry.action, props.today) || isOverdueInMeeting(entry, props.meetingDate))) return null;
  return <p className="muted">{t('meetings.actions.overdueBasis', { today: formatDay(props.today, language), date: formatDay(props.meetingDate, language) })}</p>;
}

/** Overdue is said in words and with an icon, never by colour alone. */
export function OverdueMark({ action, today }: { action: Pick<ActionItem, 'status' | 'dueDate'>; today: string }) {
  const { t } = useTranslation();
  if (!isOverdue(action, today)) return null;
  return (
    <span className="meeting-overdue">
      <span aria-hidden="true" className="meeting-overdue-icon">
        ⚠
      </span>{' '}
      {t('meetings.actions.overdueDays', { count: daysOverdue(action, today) })}
    </span>
  );
}

export function DueDate({ action, today }: { action: Pick<ActionItem, 'status' | 'dueDate'>; today: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  return (
    <>
      {action.dueDate ? <time dateTime={action.dueDate}>{formatDay(action.dueDate, language)}</time> : <span className="muted">{t('meetings.actions.noDueDate')}</span>}
      {isOverdue(action, today) ? (
        <>
          <br />
          <OverdueMark action={action} today={today} />
        </>
      ) : null}
    </>
  );
}

/**
 * Where an item stands, in words: in a meeting, carried forward (from which one) / new / closed
 * here or since; outside a meeting (`meetingId` null), the meeting it came from.
 */
function RelationMark({ entry, meetings, meetingId }: { entry: MeetingAction; meetings: readonly MeetingRow[]; meetingId: string | null }) {
  const { t } = useTranslation();
  const origin = meetings.find((meeting) => meeting.id === entry.action.createdInMeetingId);
  // Closed after this meeting (in a later one, or outside any): said so, next to its status.
  const closedElsewhere = !entry.closedHere && isClosedStatus(entry.action.status);
  const closedIn = meetings.find((meeting) => meeting.id === entry.action.closedInMeetingId);
  if (meetingId === null) {
    return (
      <span className="meeting-relation">
        <span className="meeting-tag">{origin ? t('meetings.actions.fromMeeting', { meeting: origin.title }) : t('meetings.actions.outsideMeeting')}</span>
      </span>
    );
  }
  return (
    <span className="meeting-relation">
      {entry.origin === 'new' ? (
        <span className="meeting-tag">{t('meetings.actions.new')}</span>
      ) : (
        <span className="meeting-tag">
          {/* → (not ↪): the bundled fonts draw it, so no font of this machine is used. */}
          <span aria-hidden="true">→ </span>
          {origin ? t('meetings.actions.carriedFrom', { meeting: origin.title }) : t('meetings.actions.carried')}
        </span>
      )}
      {entry.closedHere ? (
        <span className="meeting-tag meeting-tag-closed">
          <span aria-hidden="true">✓ </span>
          {t('meetings.actions.closedHere')}
        </span>
      ) : closedElsewhere ? (
        <span className="meeting-tag">
          <span aria-hidden="true">✓ </span>
          {closedIn ? t('meetings.actions.closedIn', { meeting: closedIn.title }) : t('meetings.actions.closedOutside')}
        </span>
      ) : null}
    </span>
  );
}

/** The columns every table of action items starts with (on screen and in the minutes). */
export function ActionColumnHeaders() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col">{t('meetings.actions.itemTitle')}</th>
      <th scope="col">{t('meetings.actions.owner')}</th>
      <th scope="col">{t('meetings.actions.department')}</th>
      <th scope="col">{t('meetings.actions.dueDate')}</th>
      <th scope="col">{t('meetings.actions.status')}</th>
    </>
  );
}

/**
 * Action items as a table: title (row header), owner, department, due date (overdue in words),
 * status (a select: closing records `meetingId`, null outside a meeting), and delete with undo.
 */
export function ActionsTable(props: {
  caption: string;
  entries: readonly MeetingAction[];
  members: readonly Member[];
  meetings: readonly MeetingRow[];
  meetingId: string | null;
  today: string;
  showRelation?: boolean;
  /** Said when there are no items (default: the meeting's “No action items.”). */
  empty?: string;
}) {
  const { t } = useTranslation();
  // A removed row takes its buttons with it: the keyboard goes to the next row's Delete (or status,
  // when closing an item took it off the open items), or to the words saying the list is empty,
  // not to the page's body.
  const actions = useMemo(() => props.entries.map((entry) => entry.action), [props.entries]);
  const emptyNote = useRef<HTMLParagraphElement>(null);
  const focusAfterDelete = useFocusAfterRemoval(actions, (action) => t('meetings.actions.removeLabel', { title: action.title }), emptyNote);
  const focusAfterClose = useFocusAfterRemoval(actions, (action) => t('meetings.actions.statusFor', { title: action.title }), emptyNote, 'select');
  async function changeStatus(action: ActionItem, status: ActionStatus) {
    const closing = status === 'done' || status === 'dropped';
    // Outside a meeting the table lists open items only: a closed one leaves it.
    if (closing && props.meetingId === null) focusAfterClose.willRemove(action.id);
    try {
      await setActionStatus(workspaceOf(action), action.id, status, props.meetingId);
      toast(closing ? t('meetings.actions.closed', { title: action.title, status: t(`meetings.statuses.${status}`) }) : t('meetings.actions.reopened', { title: action.title }), {
        action: toastAction(t('common.undo'), () => void restoreActionStatus(workspaceOf(action), action).catch((error: unknown) => toast.error(saveError(t, error)))),
      });
    } catch (error) {
      focusAfterClose.cancel();
      toast.error(saveError(t, error));
    }
  }
  async function remove(action: ActionItem) {
    focusAfterDelete.willRemove(action.id);
    try {
      const removed = await deleteAction(workspaceOf(action), action.id);
      if (!removed) {
        focusAfterDelete.cancel();
        return;
      }
      toast(t('meetings.actions.removed', { title: action.title }), {
        duration: 8_000,
        action: toastAction(t('common.undo'), () => void restoreAction(removed).catch((error: unknown) => toast.error(saveError(t, error)))),
      });
    } catch (error) {
      focusAfterDelete.cancel();
      toast.error(saveError(t, error));
    }
  }
  const [editing, setEditing] = useState<ActionItem | null>(null);
  if (props.entries.length === 0)
    return (
      <p ref={emptyNote} tabIndex={-1}>
        {props.empty ?? t('meetings.actions.empty')}
      </p>
    );
  return (
    <>
    <div className="meeting-actions-frame">
    <DataTable className="meeting-actions-table" caption={props.caption} headerCells={<ActionColumnHeaders />} actions>
      {props.entries.map((entry) => {
        const { action } = entry;
        return (
          <tr key={action.id} className={isOverdue(action, props.today) ? 'meeting-row-overdue' : undefined}>
            <th scope="row">
              {action.title}
              {props.showRelation !== false ? (
                <>
                  <br />
                  <RelationMark entry={entry} meetings={props.meetings} meetingId={props.meetingId} />
                </>
              ) : null}
            </th>
            <td className="meeting-short-cell" data-label={t('meetings.actions.owner')}>
              {memberName(t, props.members, action.ownerId)}
            </td>
            <td className="meeting-short-cell" data-label={t('meetings.actions.department')}>
              {t(`meetings.departments.${action.department}`)}
            </td>
            <td data-label={t('meetings.actions.dueDate')}>
              <DueDate action={action} today={props.today} />
            </td>
            <td data-label={t('meetings.actions.status')}>
              <select
                className="input meeting-status"
                aria-label={t('meetings.actions.statusFor', { title: action.title })}
                value={action.status}
                onChange={(event) => void changeStatus(action, event.target.value as ActionStatus)}
              >
                {ACTION_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`meetings.statuses.${status}`)}
                  </option>
                ))}
              </select>
            </td>
            <RowActions>
              <button type="button" className="button small" aria-label={t('meetings.actions.editLabel', { title: action.title })} onClick={() => setEditing(action)}>
                {t('meetings.actions.edit')}
              </button>
              <button type="button" className="button small danger" aria-label={t('meetings.actions.removeLabel', { title: action.title })} onClick={() => void remove(action)}>
                {t('meetings.actions.remove')}
              </button>
            </RowActions>
          </tr>
        );
      })}
    </DataTable>
    </div>
    <EditActionDialog action={editing} members={props.members} onClose={() => setEditing(null)} />
    </>
  );
}

function workspaceOf(action: ActionItem): string {
  return (action as ActionItemRow).workspaceId;
}

/** Members as <option>s, sorted by department then name, with "No owner" first. */
export function MemberOptions({ members }: { members: readonly Member[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <option value="">{t('meetings.meeting.noOwner')}</option>
      {sortMembers(members, i18n.language).map((member) => (
        <option key={member.id} value={member.id}>
          {memberLabel(t, member)}
        </option>
      ))}
    </>
  );
}

export type ActionValues = { title: string; ownerId: string | null; department: ActionDepartment; dueDate: string | null };

/**
 * The fields of an action item: title, owner, department (follows the owner until chosen), due
 * date. Enter in any field submits; a missing title or a bad date is named in an error. The form
 * empties itself when `onSubmit` resolves true (adding), and keeps its values otherwise.
 */
const ActionForm = forwardRef<
  HTMLInputElement,
  {
    members: readonly Member[];
    initial?: ActionValues;
    heading: string;
    hideHeading?: boolean;
    submitLabel: string;
    placeholder?: string;
    onSubmit(values: ActionValues): Promise<boolean>;
  }
>(function ActionForm(props, titleRef) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(props.initial?.title ?? '');
  const [ownerId, setOwnerId] = useState(props.initial?.ownerId ?? '');
  const [department, setDepartment] = useState<ActionDepartment | null>(props.initial?.department ?? null);
  const [dueDate, setDueDate] = useState(props.initial?.dueDate ?? '');
  const [errors, setErrors] = useState<{ title?: string; dueDate?: string }>({});
  // The due date's text when it does not read as a date (DateField says why, under the field).
  const [dueProblem, setDueProblem] = useState<string | null>(null);
  const owner = props.members.find((member) => member.id === ownerId);
  const effectiveDepartment = department ?? departmentOf(owner);

  const titleError = (text: string) => {
    const parsed = parseText(t, text, t('meetings.actions.itemTitle'), 500);
    return parsed.ok ? undefined : parsed.error;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsedTitle = parseText(t, title, t('meetings.actions.itemTitle'), 500);
    const parsedDue = dueDate === '' ? ({ ok: true, value: null } as const) : parseDate(t, dueDate, t('meetings.actions.dueDate'));
    setErrors({ title: parsedTitle.ok ? undefined : parsedTitle.error, dueDate: parsedDue.ok ? undefined : parsedDue.error });
    // A due date typed but not readable (2026-02-30) is refused, not dropped: its field says why.
    if (!parsedTitle.ok || !parsedDue.ok || dueProblem !== null) return;
    const reset = await props.onSubmit({ title: parsedTitle.value, ownerId: ownerId || null, department: effectiveDepartment, dueDate: parsedDue.value });
    if (!reset) return;
    setTitle('');
    setDueDate('');
    setDepartment(null);
    setOwnerId('');
    if (titleRef && typeof titleRef === 'object') titleRef.current?.focus();
  }

  return (
    <form className="meeting-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-legend`}>
      <h3 id={`${id}-legend`} className={props.hideHeading ? 'visually-hidden' : 'meeting-form-title'}>
        {props.heading}
      </h3>
      <div className="meeting-form-fields">
        <Field className="grow" label={t('meetings.actions.itemTitle')} error={errors.title}>
          {(control) => (
            <input
              {...control}
              ref={titleRef}
              className="input"
              value={title}
              maxLength={500}
              placeholder={props.placeholder}
              onChange={(event) => {
                const text = event.target.value;
                setTitle(text);
                // A shown error follows the text: gone once the title is there, kept while it is not.
                if (errors.title) setErrors((shown) => ({ ...shown, title: titleError(text) }));
              }}
            />
          )}
        </Field>
        <Field label={t('meetings.actions.owner')}>
          {(control) => (
            <select {...control} className="input" value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
              <MemberOptions members={props.members} />
            </select>
          )}
        </Field>
        <Field label={t('meetings.actions.department')}>
          {(control) => (
            <select {...control} className="input" value={effectiveDepartment} onChange={(event) => setDepartment(event.target.value as ActionDepartment)}>
              {ACTION_DEPARTMENTS.map((value) => (
                <option key={value} value={value}>
                  {t(`meetings.departments.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('meetings.actions.dueDate')} error={errors.dueDate}>
          {(control) => <DateField {...control} value={dueDate} onChange={setDueDate} onProblemChange={setDueProblem} />}
        </Field>
        <div className="field meeting-form-submit">
          <button type="submit" className="button primary">
            {props.submitLabel}
          </button>
        </div>
      </div>
    </form>
  );
});

/** Adds an action item (in a meeting, on an agenda item, or outside any meeting). */
export const AddActionForm = forwardRef<
  HTMLInputElement,
  { workspaceId: string; meetingId: string | null; agendaItemId?: string | null; members: readonly Member[]; compact?: boolean }
>(function AddActionForm(props, titleRef) {
  const { t } = useTranslation();
  return (
    <ActionForm
      ref={titleRef}
      members={props.members}
      heading={t('meetings.actions.add')}
      hideHeading={props.compact}
      submitLabel={t('meetings.actions.add')}
      placeholder={props.compact ? t('meetings.run.actionPlaceholder') : undefined}
      onSubmit={async (values) => {
        try {
          await addAction(props.workspaceId, { ...values, createdInMeetingId: props.meetingId, agendaItemId: props.agendaItemId ?? null });
          toast.success(t('meetings.actions.added', { title: values.title }));
          return true;
        } catch (error) {
          toast.error(saveError(t, error));
          return false;
        }
      }}
    />
  );
});

/** Edits an action item's title, owner, department and due date. */
function EditActionDialog(props: { action: ActionItem | null; members: readonly Member[]; onClose(): void }) {
  const { t } = useTranslation();
  const { action } = props;
  return (
    <Dialog open={action !== null} onOpenChange={(open) => !open && props.onClose()} title={t('meetings.actions.editTitle')}>
      {action ? (
        <ActionForm
          members={props.members}
          initial={{ title: action.title, ownerId: action.ownerId, department: action.department, dueDate: action.dueDate }}
          heading={t('meetings.actions.editTitle')}
          hideHeading
          submitLabel={t('common.save')}
          onSubmit={async (values) => {
            try {
              await updateAction(workspaceOf(action), action.id, (current) => ({ ...current, ...values }));
              toast.success(t('meetings.actions.saved', { title: values.title }));
              props.onClose();
            } catch (error) {
              toast.error(saveError(t, error));
            }
            return false;
          }}
        />
      ) : null}
    </Dialog>
  );
}
