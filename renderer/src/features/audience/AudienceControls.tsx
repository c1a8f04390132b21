import './audience.css';
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useApp } from '../../app/AppContext';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { Presentation } from '@shared/audience/presentation';
import { ariaKeys, keyHint } from '../../ui/shortcuts/labels';
import type { ShortcutId } from '../../ui/shortcuts/table';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';
import { Icon } from '../board/icons';
import { useAudience, useJoinInfo } from './AudienceContext';
import { AudienceView } from './AudienceView';

/** The board a page shows, as the projector would present it. */
export type BoardTarget = { board: 'persona' | 'funnel'; workspaceId: string; boardId: string };

/** A zone (or stage) the projector can zoom to. */
export type FocusTarget = { id: string; name: string };

function boardPresentation(target: BoardTarget): Extract<Presentation, { kind: 'board' }> {
  return { kind: 'board', ...target, focus: null, hidden: false };
}

function isThisBoard(presentation: Presentation, target: BoardTarget): presentation is Extract<Presentation, { kind: 'board' }> {
  return presentation.kind === 'board' && presentation.workspaceId === target.workspaceId && presentation.boardId === target.boardId;
}

/**
 * Offers the page's board to "Show on projector" (button, menu and shortcut) while the page is
 * shown — from the page itself, so it holds while the board is still opening.
 */
export function useOfferBoard(target: BoardTarget): void {
  const { offer } = useAudience();
  const { board, workspaceId, boardId } = target;
  useEffect(() => offer(boardPresentation({ board, workspaceId, boardId })), [offer, board, workspaceId, boardId]);
}

/**
 * "Show on projector" for a board page's toolbar: opens the audience window showing this board;
 * while it is open, pressed, and a press closes it.
 */
export function AudienceButton(props: { target: BoardTarget; className?: string }) {
  const { t } = useTranslation();
  const audience = useAudience();
  // Pressed while the projector shows this board: a press then closes it; otherwise it shows this board.
  const here = audience.open && isThisBoard(audience.state.presentation, props.target);
  const label = here ? t('audience.controls.close') : t('audience.controls.show');
  return (
    <button
      type="button"
      className={props.className ?? 'button tool with-text'}
      aria-pressed={here}
      aria-keyshortcuts={ariaKeys('app.audience')}
      title={`${label} (${keyHint('app.audience')})`}
      onClick={audience.toggle}
    >
      <Icon name="projector" />
      <span>{t('audience.controls.show')}</span>
    </button>
  );
}

/** A panel button; a label that changes says what a press does now (hide, then reveal). */
function ControlButton(props: { label: string; shortcut?: ShortcutId; pressed?: boolean; primary?: boolean; onClick(): void }) {
  const hint = props.shortcut ? keyHint(props.shortcut) : null;
  return (
    <button
      type="button"
      className={`button small${props.primary ? ' primary' : ''}`}
      aria-pressed={props.pressed}
      aria-keyshortcuts={props.shortcut ? ariaKeys(props.shortcut) : undefined}
      title={hint ? `${props.label} (${hint})` : props.label}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  );
}

/**
 * A window with room for the whole panel beside the board. Below it (a 1366×768 laptop, the
 * projector theme's large type) the panel starts as one short bar: open, it covered a third of
 * the board there.
 */
const ROOMY = '(min-width: 1600px) and (min-height: 900px)';

function subscribeRoomy(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const list = window.matchMedia(ROOMY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

// jsdom has no matchMedia: there the window's size decides (component tests set it).
const roomy = () => (typeof window.matchMedia === 'function' ? window.matchMedia(ROOMY).matches : window.innerWidth >= 1600 && window.innerHeight >= 900);

function useRoomyWindow(): boolean {
  const { settings } = useApp();
  const isRoomy = useSyncExternalStore(subscribeRoomy, roomy);
  return isRoomy && settings.theme !== 'projector';
}

/**
 * The facilitator's projector controls on a board page, while the audience window is open: what
 * it shows, present this board, zoom to a zone (picked, or the selected note's), show all, hide
 * the notes while people write and reveal them, the join screen of the board's room, pause, close;
 * and a small live preview of what the room sees.
 */
export function AudiencePanel(props: {
  target: BoardTarget;
  /** Zones (persona board) the projector can zoom to; none on a funnel. */
  zones?: readonly FocusTarget[];
  /** The zone of the selected note: its id, 'none' (the note is in no zone) or null (no note selected). */
  selectedZone?: () => string | 'none' | null;
}) {
  const { t } = useTranslation();
  const audience = useAudience();
  const { state, open, present, setBlank } = audience;
  const join = useJoinInfo(props.target.boardId);
  const [previewShown, setPreviewShown] = useState(true);
  const isRoomy = useRoomyWindow();
  // null: as the window's size has it (open when roomy); the user's choice once they toggle.
  const [expandedChoice, setExpandedChoice] = useState<boolean | null>(null);
  const expanded = expandedChoice ?? isRoomy;
  const titleId = useId();
  const bodyId = useId();
  const zoneId = useId();
  const presentation = state.presentation;
  const here = isThisBoard(presentation, props.target) ? presentation : null;
  const zones = props.zones ?? [];

  const focus = (id: string | null) => {
    if (here) present({ ...here, focus: id });
  };
  const focusSelected = () => {
    const zone = props.selectedZone?.() ?? null;
    if (zone === null) toast(t('audience.controls.noSelection'));
    else if (zone === 'none') toast(t('audience.controls.noZone'));
    else focus(zone);
  };
  const toggleHidden = () => {
    if (here) present({ ...here, hidden: !here.hidden });
  };

  useShortcuts(
    'audienceBoard',
    {
      // Only on the board the projector shows; elsewhere the keys keep their usual meaning.
      'audienceBoard.hide': () => {
        if (!here || props.target.board !== 'persona') return false;
        toggleHidden();
      },
      'audienceBoard.focus': () => {
        if (!here || !props.selectedZone) return false;
        focusSelected();
      },
      'audienceBoard.showAll': () => {
        if (!here) return false;
        focus(null);
      },
    },
    open,
  );

  const what = useMemo(() => {
    switch (presentation.kind) {
      case 'idle':
        return t('audience.controls.showingIdle');
      case 'board': {
        if (!here) return t('audience.controls.showingOtherBoard');
        // The zone zoomed to and hidden notes are said here too: collapsed, the bar is all the
        // laptop shows, and Z or H changed the projector with nothing on the laptop to say so.
        const zone = here.focus ? props.zones?.find((candidate) => candidate.id === here.focus) : undefined;
        const parts = [t('audience.controls.showingBoard')];
        if (zone) parts.push(t('audience.controls.showingZone', { zone: zone.name }));
        if (here.hidden) parts.push(t('audience.controls.showingHidden'));
        return parts.join(' · ');
      }
      case 'join':
        return t('audience.controls.showingJoin');
      case 'meeting':
        return t('audience.controls.showingMeeting');
    }
  }, [presentation.kind, here, props.zones, t]);
  const status = state.blank ? `${what} · ${t('audience.screen.paused')}` : what;

  if (!open) return null;
  const blank = <ControlButton label={state.blank ? t('audience.controls.unblank') : t('audience.controls.blank')} shortcut="audience.blank" onClick={() => setBlank(!state.blank)} />;
  return (
    <section className={`audience-panel${expanded ? '' : ' is-collapsed'}`} aria-labelledby={titleId}>
      {/* Always shown, even collapsed: what the room sees, what to show instead (this board, the room's
          join screen), blank (the urgent one), and the way to the rest. */}
      <div className="audience-panel-bar">
        <h2 id={titleId}>{t('audience.controls.toolbar')}</h2>
        <p className="audience-panel-status" role="status">
          {t('audience.controls.status')} {status}
        </p>
        {here ? null : <ControlButton primary label={t('audience.controls.present')} onClick={() => present(boardPresentation(props.target))} />}
        {join && presentation.kind !== 'join' ? (
          <ControlButton label={t('audience.controls.join')} onClick={() => present({ kind: 'join', workspaceId: props.target.workspaceId, boardId: props.target.boardId, room: join })} />
        ) : null}
        {blank}
        <button type="button" className="button small" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpandedChoice(!expanded)}>
          {t('audience.controls.allControls')}
        </button>
      </div>
      <div id={bodyId} className="audience-panel-body" hidden={!expanded}>
        {here ? (
          <>
            {zones.length > 0 ? (
              <div className="tool-row">
                <label htmlFor={zoneId}>{t('audience.controls.zone')}</label>
                <select id={zoneId} className="input" value={here.focus ?? ''} onChange={(event) => focus(event.target.value || null)}>
                  <option value="">{t('audience.controls.allZones')}</option>
                  {zones.map((zone) => (
                    <option key={zone.id} value={zone.id}>
                      {zone.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="tool-row">
              {props.selectedZone ? <ControlButton label={t('audience.controls.focusSelected')} shortcut="audienceBoard.focus" onClick={focusSelected} /> : null}
              <ControlButton label={t('audience.controls.showAll')} shortcut="audienceBoard.showAll" onClick={() => focus(null)} />
              {props.target.board === 'persona' ? (
                <ControlButton label={here.hidden ? t('audience.controls.reveal') : t('audience.controls.hide')} shortcut="audienceBoard.hide" onClick={toggleHidden} />
              ) : null}
            </div>
          </>
        ) : null}
        <div className="tool-row">
          <ControlButton label={t('audience.controls.close')} onClick={() => void audience.close()} />
          <ControlButton label={t('audience.controls.previewToggle')} pressed={previewShown} onClick={() => setPreviewShown((shown) => !shown)} />
        </div>
        {expanded && previewShown ? (
          <div className="audience-preview" role="img" aria-label={t('audience.controls.previewLabel', { what: status })}>
            {/* The audience view itself at the projector's 1280×720, scaled down: exactly what the room sees. */}
            <div className="audience-preview-frame projector-palette" aria-hidden="true" inert>
              <AudienceView state={state} />
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
