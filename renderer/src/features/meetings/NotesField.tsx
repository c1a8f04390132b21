import { forwardRef, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { updateAgendaItem } from '@shared/meetings/agenda';
import type { AgendaItem } from '@shared/meetings/records';
import { localKeys } from '../../db/workspaceLocal';
import { saveError } from './format';
import { updateMeeting } from './meetingStore';

/** How long typing may pause before the notes are written (they are also written on blur and unload). */
export const NOTES_DEBOUNCE_MS = 400;

const draftKey = localKeys.meetingNotes;

/** Whether a closed page left notes of this item not yet written (the field then opens to restore them). */
export function hasNotesDraft(workspaceId: string, meetingId: string, itemId: string): boolean {
  return readDraft(draftKey(workspaceId, meetingId, itemId)) !== null;
}

/**
 * A synchronous copy of notes being typed, kept until IndexedDB has them: a page closed in the
 * middle of a write (power cut, crash, reload) loses no keystroke. Cleared once the write commits.
 */
function readDraft(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function writeDraft(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage full or blocked: the debounced IndexedDB write still happens.
  }
}

/**
 * The notes of one agenda item: saved as you type (debounced), on blur, when the page is hidden or
 * unloaded, and when the item changes; a draft left by an interrupted write is restored on open.
 */
export const NotesField = forwardRef<
  HTMLTextAreaElement,
  { workspaceId: string; meetingId: string; item: AgendaItem; label: string; rows?: number; className?: string; hideLabel?: boolean }
>(function NotesField(props, ref) {
  const { t } = useTranslation();
  const id = useId();
  const { workspaceId, meetingId, item } = props;
  const key = draftKey(workspaceId, meetingId, item.id);
  const [value, setValue] = useState(() => readDraft(key) ?? item.notes);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const pending = useRef<{ key: string; itemId: string; value: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const edit = pending.current;
    if (!edit) return;
    pending.current = null;
    setStatus('saving');
    updateMeeting(workspaceId, meetingId, (meeting) => {
      const stored = meeting.agenda.find((candidate) => candidate.id === edit.itemId);
      return !stored || stored.notes === edit.value ? meeting : updateAgendaItem(meeting, edit.itemId, { notes: edit.value });
    })
      .then(() => {
        if (readDraft(edit.key) === edit.value) writeDraft(edit.key, null);
        setStatus((current) => (current === 'saving' ? 'saved' : current));
      })
      .catch((error: unknown) => {
        setStatus('idle');
        toast.error(saveError(t, error));
      });
  }, [workspaceId, meetingId, t]);

  // Another item (or meeting): show its notes (or the draft an interrupted write left behind) in
  // the same render, so not one keystroke lands on the wrong item.
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setValue(readDraft(key) ?? item.notes);
    setStatus('idle');
  }

  // …then save such a draft, and write what was typed for the previous item (cleanup).
  useEffect(() => {
    const draft = readDraft(key);
    if (draft !== null && draft !== item.notes) {
      pending.current = { key, itemId: item.id, value: draft };
      flush();
    } else if (draft !== null) {
      writeDraft(key, null);
    }
    return flush;
    // Only when the item changes; later edits of item.notes are handled below.
    // oxlint-disable-next-line react/exhaustive-deps
  }, [key]);

  // Stored notes changed elsewhere (another window, undo) while nothing is being typed here.
  useEffect(() => {
    if (!pending.current && readDraft(key) === null) setValue(item.notes);
  }, [item.notes, key]);

  useEffect(() => {
    const onHide = () => flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [flush]);

  return (
    <div className={`field meeting-notes ${props.className ?? ''}`}>
      <div className="meeting-notes-label">
        <label htmlFor={`${id}-notes`} className={props.hideLabel ? 'visually-hidden' : undefined}>
          {props.label}
        </label>
        {/* Shown, not announced: a screen reader hearing "Saved" at every pause in typing is noise. */}
        <span className="muted meeting-save-status">
          {status === 'saving' ? t('meetings.run.saving') : status === 'saved' ? t('meetings.run.saved') : ''}
        </span>
      </div>
      <textarea
        ref={ref}
        id={`${id}-notes`}
        className="input"
        rows={props.rows ?? 4}
        maxLength={50_000}
        value={value}
        onChange={(event) => {
          const next = event.target.value;
          setValue(next);
          writeDraft(key, next);
          pending.current = { key, itemId: item.id, value: next };
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(flush, NOTES_DEBOUNCE_MS);
        }}
        onBlur={flush}
      />
    </div>
  );
});
