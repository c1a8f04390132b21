import { type FormEvent, forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { addDecision, removeDecision, restoreDecision, updateDecision } from '@shared/meetings/agenda';
import type { Decision, Meeting } from '@shared/meetings/records';
import { newId, nowIso } from '../../db/ids';
import { DraftField } from '../../ui/DraftField';
import { Field } from '../../ui/Field';
import { toastAction } from '../../ui/toastActions';
import { parseText, saveError } from './format';
import { updateMeeting } from './meetingStore';

/**
 * The decisions of a meeting (or of one agenda item), each removable with undo. Editable ones are
 * fields named by their number in the meeting ("Decision 2", the order of the minutes): Enter or
 * leaving the field saves, Escape reverts, an empty text is refused, and a saved change has an Undo
 * toast like a removal.
 */
export function DecisionList(props: { workspaceId: string; meeting: Meeting; decisions: readonly Decision[]; hideEmpty?: boolean; editable?: boolean }) {
  const { t } = useTranslation();
  async function remove(decision: Decision) {
    try {
      // Undo puts it back in its place (its number), not last.
      let followedBy: string[] = [];
      await updateMeeting(props.workspaceId, props.meeting.id, (meeting) => {
        const index = meeting.decisions.findIndex((d) => d.id === decision.id);
        followedBy = index === -1 ? [] : meeting.decisions.slice(index + 1).map((d) => d.id);
        return removeDecision(meeting, decision.id);
      });
      toast(t('meetings.decisions.removed'), {
        duration: 8_000,
        action: toastAction(t('common.undo'), () =>
          void updateMeeting(props.workspaceId, props.meeting.id, (meeting) => restoreDecision(meeting, decision, followedBy)).catch((error: unknown) =>
            toast.error(saveError(t, error)),
          ),
        ),
      });
    } catch (error) {
      toast.error(saveError(t, error));
    }
  }
  async function edit(decision: Decision, label: string, text: string) {
    if (text === decision.text) return;
    // Undo puts the earlier text back, unless the decision changed again (or went) meanwhile.
    const revert = (meeting: Meeting) =>
      meeting.decisions.some((d) => d.id === decision.id && d.text === text) ? updateDecision(meeting, decision.id, decision.text) : meeting;
    try {
      await updateMeeting(props.workspaceId, props.meeting.id, (meeting) => updateDecision(meeting, decision.id, text));
      toast(t('meetings.decisions.edited', { label }), {
        duration: 8_000,
        action: toastAction(t('common.undo'), () =>
          void updateMeeting(props.workspaceId, props.meeting.id, revert).catch((error: unknown) => toast.error(saveError(t, error))),
        ),
      });
    } catch (error) {
      toast.error(saveError(t, error));
    }
  }
  if (props.decisions.length === 0) return props.hideEmpty ? null : <p className="muted">{t('meetings.decisions.empty')}</p>;
  return (
    <ul className={`meeting-decisions${props.editable ? ' meeting-decisions-editable' : ''}`}>
      {props.decisions.map((decision) => {
        const item = props.meeting.agenda.find((candidate) => candidate.id === decision.agendaItemId);
        const forItem = item ? t('meetings.decisions.forItem', { title: item.title }) : undefined;
        const removeButton = (
          <button type="button" className="button small danger" aria-label={t('meetings.decisions.removeLabel', { text: decision.text })} onClick={() => void remove(decision)}>
            {t('meetings.decisions.remove')}
          </button>
        );
        if (props.editable) {
          const label = t('meetings.decisions.numbered', { number: props.meeting.decisions.findIndex((d) => d.id === decision.id) + 1 });
          return (
            <li key={decision.id}>
              <DraftField
                className="grow"
                label={label}
                value={decision.text}
                maxLength={5_000}
                hint={forItem}
                parse={(text) => parseText(t, text, label, 5_000)}
                onCommit={(text) => void edit(decision, label, text)}
                after={removeButton}
              />
            </li>
          );
        }
        return (
          <li key={decision.id}>
            <span className="meeting-decision-text">
              <span aria-hidden="true">◆ </span>
              {decision.text}
            </span>
            {forItem ? <span className="muted"> — {forItem}</span> : null} {removeButton}
          </li>
        );
      })}
    </ul>
  );
}

/** One line: type a decision, Enter records it (on the given agenda item, if any). */
export const AddDecisionForm = forwardRef<HTMLInputElement, { workspaceId: string; meetingId: string; agendaItemId: string | null; compact?: boolean }>(
  function AddDecisionForm(props, ref) {
    const { t } = useTranslation();
    const [text, setText] = useState('');
    const [error, setError] = useState<string | null>(null);
    async function submit(event: FormEvent) {
      event.preventDefault();
      const parsed = parseText(t, text, t('meetings.decisions.new'), 5_000);
      if (!parsed.ok) {
        setError(parsed.error);
        return;
      }
      setError(null);
      try {
        await updateMeeting(props.workspaceId, props.meetingId, (meeting) =>
          addDecision(meeting, { id: newId(), text, agendaItemId: props.agendaItemId, createdAt: nowIso() }),
        );
        setText('');
        toast.success(t('meetings.decisions.added'));
      } catch (caught) {
        toast.error(saveError(t, caught));
      }
    }
    return (
      <form className="meeting-form meeting-inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field className="grow" label={t('meetings.decisions.new')} error={error}>
          {(control) => (
            <input
              {...control}
              ref={ref}
              className="input"
              value={text}
              maxLength={5_000}
              placeholder={props.compact ? t('meetings.run.decisionPlaceholder') : undefined}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </Field>
        <div className="field meeting-form-submit">
          <button type="submit" className="button primary">
            {t('meetings.decisions.add')}
          </button>
        </div>
      </form>
    );
  },
);
