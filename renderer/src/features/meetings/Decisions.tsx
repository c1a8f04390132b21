import { type FormEvent, forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { addDecision, removeDecision } from '../../../../shared/meetings/agenda';
import type { Decision, Meeting } from '../../../../shared/meetings/records';
import { newId, nowIso } from '../../db/ids';
import { Field } from '../../ui/Field';
import { toastAction } from '../../ui/toastActions';
import { parseText, saveError } from './format';
import { updateMeeting } from './meetingStore';

/** The decisions of a meeting (or of one agenda item), each removable with undo. */
export function DecisionList(props: { workspaceId: string; meeting: Meeting; decisions: readonly Decision[]; hideEmpty?: boolean }) {
  const { t } = useTranslation();
  async function remove(decision: Decision) {
    try {
      await updateMeeting(props.workspaceId, props.meeting.id, (meeting) => removeDecision(meeting, decision.id));
      toast(t('meetings.decisions.removed'), {
        duration: 8_000,
        action: toastAction(t('common.undo'), () =>
          void updateMeeting(props.workspaceId, props.meeting.id, (meeting) =>
            meeting.decisions.some((d) => d.id === decision.id) ? meeting : addDecision(meeting, decision),
          ).catch((error: unknown) => toast.error(saveError(t, error))),
        ),
      });
    } catch (error) {
      toast.error(saveError(t, error));
    }
  }
  if (props.decisions.length === 0) return props.hideEmpty ? null : <p className="muted">{t('meetings.decisions.empty')}</p>;
  return (
    <ul className="meeting-decisions">
      {props.decisions.map((decision) => {
        const item = props.meeting.agenda.find((candidate) => candidate.id === decision.agendaItemId);
        return (
          <li key={decision.id}>
            <span className="meeting-decision-text">
              <span aria-hidden="true">◆ </span>
              {decision.text}
            </span>
            {item ? <span className="muted"> — {t('meetings.decisions.forItem', { title: item.title })}</span> : null}{' '}
            <button type="button" className="button small danger" aria-label={t('meetings.decisions.removeLabel', { text: decision.text })} onClick={() => void remove(decision)}>
              {t('meetings.decisions.remove')}
            </button>
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
