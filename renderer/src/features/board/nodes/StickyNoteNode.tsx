import type { NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { intlFormatter } from '../../../ui/intlCache';
import { keyHint } from '../../../ui/shortcuts/labels';
import { useBoardSession, useBoardUi } from '../BoardContext';
import { fixedText, votersText } from '../labels';
import type { StickyNode } from '../types';

/**
 * A sticky note. Its department shows three ways, never by colour alone: the tint and band colour
 * (blue / orange / grey, apart for every common colour-vision deficiency), the band's pattern
 * (solid / stripes / dots) and a letter mark in a distinct shape (circle / square / diamond).
 * The accessible name is on React Flow's focusable wrapper (see labels.ts); what is drawn here is
 * hidden from screen readers so it is not read twice.
 */
export const StickyNoteNode = memo(StickyNote, sameNote);

/**
 * React Flow gives a node view its position, size and drag state too: those change on every frame
 * of a drag, and a note draws none of them (the wrapper React Flow moves does), so a note renders
 * again only when what it draws changes (issue 12: 50 dragged notes re-rendered on every frame).
 */
function sameNote(previous: NodeProps<StickyNode>, next: NodeProps<StickyNode>): boolean {
  return previous.id === next.id && previous.data === next.data && previous.selected === next.selected;
}

function StickyNote(props: NodeProps<StickyNode>) {
  const { id, data, selected } = props;
  // The board's one translation function and language (not a useTranslation per note: a board
  // of a thousand notes would make a thousand of them; issue 12).
  const words = useBoardUi((state) => state.labels);
  const { t, language } = words;
  const session = useBoardSession();
  const editing = useBoardUi((state) => state.editingId === id);
  const myDot = useBoardUi((state) => state.vote.active && state.myDots.has(id));
  const members = useBoardUi((state) => state.members);
  const author = data.authorId ? (members.get(data.authorId)?.name ?? fixedText(words, 'board.sticky.unknownAuthor')) : fixedText(words, `board.department.${data.department}`);

  return (
    <div className={`sticky sticky-${data.department}${selected ? ' is-selected' : ''}${myDot ? ' has-my-dot' : ''}`}>
      {editing ? (
        <StickyEditor id={id} initial={data.text} />
      ) : (
        <p className="sticky-text" aria-hidden="true">
          {data.text || <span className="sticky-placeholder">{fixedText(words, 'board.sticky.empty')}</span>}
        </p>
      )}
      <div className="sticky-meta" aria-hidden="true">
        <span className={`dept-mark dept-mark-${data.department}`}>{fixedText(words, `board.mark.${data.department}`)}</span>
        <span className="sticky-author">{author}</span>
        {data.votes > 0 ? (
          <span className="sticky-votes" title={t('board.sticky.votes', { count: data.votes })}>
            <span className="sticky-votes-dot" />
            {intlFormatter(`number|${language}`, () => new Intl.NumberFormat(language)).format(data.votes)}
          </span>
        ) : null}
      </div>
      {data.promotedTo || data.voters.length > 0 ? (
        <div className="sticky-results" aria-hidden="true">
          {data.promotedTo ? <span className="sticky-promoted">↗ {fixedText(words, `persona.fields.${data.promotedTo}`)}</span> : null}
          {data.voters.length > 0 ? (
            <span className="sticky-voters">{votersText(data.voters, { t, language, members })}</span>
          ) : null}
        </div>
      ) : null}
      {myDot ? (
        <span className="sticky-my-dot" aria-hidden="true" title={fixedText(words, 'board.sticky.myDot')}>
          ●
        </span>
      ) : null}
      {selected && !editing && !myDot && session.canPromote ? (
        <button
          type="button"
          className="sticky-action nodrag"
          tabIndex={-1}
          aria-label={fixedText(words, 'board.promote')}
          title={`${fixedText(words, 'board.promote')} (${keyHint('board.promote')})`}
          onClick={(event) => {
            event.stopPropagation();
            session.promote(id);
          }}
        >
          ↗
        </button>
      ) : null}
    </div>
  );
}

/**
 * The note's text while editing. Escape (or Ctrl/Cmd+Enter) finishes and puts focus back on the
 * note; Tab finishes and goes to the next note; clicking elsewhere finishes too. While typing, the
 * text is saved every moment of pause, into the same undo step, so a crash loses at most a second.
 */
function StickyEditor(props: { id: string; initial: string }) {
  const { t } = useTranslation();
  const session = useBoardSession();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(props.initial);
  const done = useRef(false);
  const read = () => ref.current?.value ?? props.initial;

  // React Flow shows a node only once it has measured it, and focus can land only then: try on
  // each frame until it does.
  useEffect(() => {
    let frame = 0;
    let attempts = 0;
    const attempt = () => {
      const textarea = ref.current;
      if (!textarea || done.current) return;
      textarea.focus({ preventScroll: true });
      if (document.activeElement === textarea) {
        textarea.setSelectionRange(textarea.value.length, textarea.value.length);
      } else if (attempts++ < 60) {
        frame = requestAnimationFrame(attempt);
      }
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, []);

  useEffect(
    () => session.registerEditor(props.id, () => (done.current ? null : (ref.current?.value ?? null))),
    [session, props.id],
  );

  useEffect(() => {
    if (value === props.initial) return;
    const timer = setTimeout(() => {
      if (!done.current) session.commitText(props.id, value, { done: false });
    }, 700);
    return () => clearTimeout(timer);
  }, [session, props.id, props.initial, value]);

  const finish = (focus?: 'node' | 'next' | 'previous') => {
    if (done.current) return;
    done.current = true;
    session.commitText(props.id, read(), { done: true, focus });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      event.stopPropagation();
      finish('node');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      finish(event.shiftKey ? 'previous' : 'next');
    }
  };

  return (
    <textarea
      ref={ref}
      className="sticky-editor nodrag nowheel nopan"
      aria-label={t('board.sticky.textLabel')}
      placeholder={t('board.sticky.placeholder')}
      value={value}
      maxLength={20_000}
      rows={4}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish()}
    />
  );
}
