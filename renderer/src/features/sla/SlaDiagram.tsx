import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { type Finding, findingsFor } from '@shared/sla/checks';
import {
  addCommitment,
  type Commitment,
  type CommitmentKind,
  COMMITMENT_KINDS,
  createCommitment,
  moveCommitmentInLane,
  placeCommitment,
  removeCommitment,
  SLA_OWNERS,
  type SlaOwner,
  updateCommitment,
} from '@shared/sla/commitments';
import type { SlaDocument } from '@shared/sla/document';
import { mainStages, type Stage } from '@shared/funnel/stages';
import { errorMessage } from '../../db/errors';
import { newId } from '../../db/ids';
import { CommitmentForm, commitmentPatcher } from './CommitmentForm';
import { commitmentSentence, department, findingMessage, stageLabel } from './format';
import { useSlaFormat } from './SlaContent';
import type { CommitmentHistory } from './useCommitmentHistory';
import { ariaKeys } from '../../ui/shortcuts/labels';

const OTHER: Record<SlaOwner, SlaOwner> = { marketing: 'sales', sales: 'marketing' };
/** Drag data of a card dragged with the mouse to the other lane (the Move buttons do the same by keyboard). */
const DRAG_TYPE = 'application/x-alignboard-commitment';

/** A decorative arrow between the lanes (marketing on the left, sales on the right). */
function EdgeArrow(props: { from: string | null; to: string | null; open: boolean }) {
  const leftToRight = props.from === 'marketing' && props.to !== 'marketing';
  const rightToLeft = props.from === 'sales' && props.to === 'marketing';
  const y = 8;
  return (
    <svg className={`sla-edge${props.open ? ' sla-edge-open' : ''}`} viewBox="0 0 100 16" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <line x1="4" y1={y} x2="96" y2={y} />
      {rightToLeft ? null : <polyline points={`88,2 96,${y} 88,14`} />}
      {leftToRight ? null : <polyline points={`12,2 4,${y} 12,14`} />}
    </svg>
  );
}

/**
 * Moves focus to the board's control marked `data-focus-key={key}` once a render shows it (a save
 * goes through the database and comes back a few frames later), inside the `within` selector when
 * given; gives up after about two seconds.
 */
function focusWhenShown(boardId: string, key: string, within = '', frames = 120): void {
  const element = document.getElementById(boardId)?.querySelector<HTMLElement>(`${within} [data-focus-key="${CSS.escape(key)}"]`);
  if (element) element.focus();
  else if (frames > 0) requestAnimationFrame(() => focusWhenShown(boardId, key, within, frames - 1));
}

/**
 * The SLA board: two swimlanes (marketing, sales) of commitment cards, the funnel's hand-offs
 * between them (covered or not by a response-time commitment) and the feedback loop back to
 * marketing; consistency problems are shown on the commitment they concern. When `onSave` is
 * given and the version is a draft, each lane can add commitments and each card can be edited
 * (the same form as the list), moved to the other lane or deleted; every change goes through
 * `onSave` (the data layer's `updateVersion`, which refuses writes to a signed version).
 * Cards are buttons in reading order; arrow keys, Home and End move between them. A card can also
 * be dragged with the mouse to the other lane (the Move button is the keyboard way).
 */
export function SlaDiagram(props: {
  document: SlaDocument;
  commitments: readonly Commitment[];
  findings: readonly Finding[];
  stages?: readonly Stage[];
  readOnly?: boolean;
  onSave?(next: readonly Commitment[]): void;
  /** Undo/redo of the page (shown as buttons on the board when given). */
  history?: CommitmentHistory;
}) {
  const { t } = useTranslation();
  const id = useId();
  const format = useSlaFormat(props.document);
  const boardId = `${id}-board`;
  const board = () => document.getElementById(boardId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [kinds, setKinds] = useState<Record<SlaOwner, CommitmentKind>>({ marketing: 'volume', sales: 'firstContact' });
  const editable = !props.readOnly && props.onSave !== undefined;
  const mql = mainStages(format.stages).find((stage) => stage.key === 'mql')?.id ?? null;
  const handOffs = props.document.sections.find((section) => section.key === 'handOff')?.generated.flatMap((item) => (item.type === 'handOff' ? [item] : [])) ?? [];
  const feedback = props.commitments.filter((commitment) => commitment.kind === 'feedback');
  const unassigned = props.commitments.filter((commitment) => commitment.owner === null);
  const stages = props.stages ?? format.stages;

  /** Saves the list `change` computes; a change the schema refuses (e.g. a full list) is reported, not thrown. */
  const save = (change: () => readonly Commitment[], focus: string | null, within = '') => {
    let next: readonly Commitment[];
    try {
      next = change();
    } catch (error) {
      toast.error(t('sla.errors.failed', { message: errorMessage(error) }));
      return;
    }
    if (focus) focusWhenShown(boardId, focus, within);
    props.onSave?.(next);
  };

  /** Moves a card to `owner`'s lane (its owner changes); focus follows the card. */
  const moveTo = (commitment: Commitment, owner: SlaOwner) => {
    if (commitment.owner === owner) return;
    save(() => updateCommitment(props.commitments, commitment.id, { owner }), commitment.id, `.sla-lane-${owner}`);
  };

  const onCardKey = (event: KeyboardEvent<HTMLButtonElement>, commitment: Commitment) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      // Alt+↑/↓ moves the card within its lane; focus stays on it.
      event.preventDefault();
      if (editable) save(() => moveCommitmentInLane(props.commitments, commitment.id, event.key === 'ArrowUp' ? -1 : 1), commitment.id);
      return;
    }
    const cards = Array.from(board()?.querySelectorAll<HTMLButtonElement>('.sla-card-select') ?? []);
    const index = cards.indexOf(event.currentTarget);
    let next = -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') next = Math.min(cards.length - 1, index + 1);
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = cards.length - 1;
    if (next < 0) return;
    event.preventDefault();
    cards[next]?.focus();
  };

  const card = (commitment: Commitment) => {
    const problems = findingsFor(props.findings, commitment.id);
    // The card's name in its buttons' names: its kind, numbered when its lane has more than one of that kind.
    const sameKind = props.commitments.filter((other) => other.owner === commitment.owner && other.kind === commitment.kind);
    const kindLabel =
      sameKind.length > 1
        ? t('sla.board.kindNumbered', { kind: t(`sla.kinds.${commitment.kind}`), number: sameKind.indexOf(commitment) + 1 })
        : t(`sla.kinds.${commitment.kind}`);
    const selected = selectedId === commitment.id;
    const editorId = `${id}-editor-${commitment.id}`;
    return (
      <li
        key={commitment.id}
        className={`sla-card${problems.length ? ' sla-card-problem' : ''}${selected ? ' sla-card-selected' : ''}`}
        draggable={editable}
        onDragStart={(event) => {
          event.dataTransfer.setData(DRAG_TYPE, commitment.id);
          event.dataTransfer.effectAllowed = 'move';
        }}
        onDrop={(event) => {
          // Dropped on a card: the dragged one goes just before it (in this card's lane).
          const dragged = event.dataTransfer.getData(DRAG_TYPE);
          if (!editable || !dragged) return;
          event.preventDefault();
          event.stopPropagation();
          save(() => placeCommitment(props.commitments, dragged, commitment.owner, commitment.id), dragged);
        }}
      >
        <button
          type="button"
          className="sla-card-select"
          data-focus-key={commitment.id}
          aria-expanded={selected}
          aria-controls={selected ? editorId : undefined}
          onClick={() => setSelectedId(selected ? null : commitment.id)}
          onKeyDown={(event) => onCardKey(event, commitment)}
        >
          <strong>{kindLabel}</strong>
          <span className="sla-card-text">{commitmentSentence(format, commitment, mql)}</span>
        </button>
        {problems.length ? (
          <div className="sla-card-problems">
            <p className="sla-badge">{t('sla.diagram.problems', { count: problems.length })}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem.id}>{findingMessage(format, problem, props.commitments)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {editable ? (
          confirmingId === commitment.id ? (
            <div className="sla-card-actions" role="group" aria-label={t('sla.board.confirmDelete', { kind: kindLabel })}>
              <span>{t('sla.board.confirmDelete', { kind: kindLabel })}</span>
              <button
                type="button"
                className="button small danger"
                data-focus-key={`${commitment.id}:confirm`}
                onClick={() => {
                  setConfirmingId(null);
                  if (selected) setSelectedId(null);
                  save(() => removeCommitment(props.commitments, commitment.id), `add:${commitment.owner ?? 'marketing'}`);
                }}
              >
                {t('sla.board.deleteYes')}
              </button>
              <button
                type="button"
                className="button small"
                onClick={() => {
                  setConfirmingId(null);
                  focusWhenShown(boardId, `${commitment.id}:delete`);
                }}
              >
                {t('sla.board.deleteNo')}
              </button>
            </div>
          ) : (
            <div className="sla-card-actions">
              {(commitment.owner === null ? SLA_OWNERS : [OTHER[commitment.owner]]).map((target) => (
                <button
                  key={target}
                  type="button"
                  className="button small"
                  aria-label={t('sla.board.moveKindTo', { kind: kindLabel, department: department(t, target) })}
                  onClick={() => moveTo(commitment, target)}
                >
                  {t('sla.board.moveTo', { department: department(t, target) })}
                </button>
              ))}
              <button
                type="button"
                className="button small"
                data-focus-key={`${commitment.id}:delete`}
                aria-label={t('sla.board.delete', { kind: kindLabel })}
                onClick={() => {
                  setConfirmingId(commitment.id);
                  focusWhenShown(boardId, `${commitment.id}:confirm`);
                }}
              >
                {t('sla.board.deleteShort')}
              </button>
            </div>
          )
        ) : null}
        {selected ? (
          <div id={editorId} className="sla-card-editor">
            <CommitmentForm
              commitment={commitment}
              stages={stages}
              readOnly={!editable}
              legend={t('sla.board.editing', { kind: kindLabel })}
              onChange={commitmentPatcher(props.commitments, commitment.id, (next) => props.onSave?.(next))}
            />
          </div>
        ) : null}
      </li>
    );
  };

  const lane = (owner: SlaOwner) => {
    const items = props.commitments.filter((commitment) => commitment.owner === owner);
    const kindId = `${id}-${owner}-kind`;
    return (
      <section
        className={`sla-lane sla-lane-${owner}`}
        aria-labelledby={`${id}-${owner}`}
        onDragOver={(event) => {
          if (!editable || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
        }}
        onDrop={(event) => {
          const dragged = event.dataTransfer.getData(DRAG_TYPE);
          if (!editable || !dragged) return;
          event.preventDefault();
          save(() => placeCommitment(props.commitments, dragged, owner, null), dragged, `.sla-lane-${owner}`);
        }}
      >
        <h3 id={`${id}-${owner}`}>{t('sla.diagram.lane', { department: department(t, owner) })}</h3>
        {items.length ? <ul className="sla-cards">{items.map(card)}</ul> : <p className="muted">{t('sla.diagram.empty')}</p>}
        {editable ? (
          <div className="sla-lane-add">
            <label htmlFor={kindId}>{t('sla.board.kind')}</label>
            <select
              id={kindId}
              data-focus-key={`add:${owner}`}
              value={kinds[owner]}
              onChange={(event) => setKinds({ ...kinds, [owner]: event.target.value as CommitmentKind })}
            >
              {COMMITMENT_KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(`sla.kinds.${option}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button small"
              onClick={() => {
                const created = createCommitment(kinds[owner], { owner }, newId);
                setSelectedId(created.id);
                save(() => addCommitment(props.commitments, created), created.id);
              }}
            >
              {t('sla.board.add')}
            </button>
          </div>
        ) : null}
      </section>
    );
  };

  return (
    <section className="card sla-board" aria-labelledby={`${id}-title`} id={boardId}>
      <h2 id={`${id}-title`}>{t('sla.diagram.title')}</h2>
      <p className="muted">{t('sla.diagram.intro')}</p>
      <p className="muted">{editable ? t('sla.board.hint') : t('sla.board.readOnly')}</p>
      {editable && props.history ? (
        <div className="toolbar" role="toolbar" aria-label={t('sla.board.historyToolbar')}>
          <button type="button" className="button small" disabled={!props.history.canUndo} onClick={props.history.undo} aria-keyshortcuts={ariaKeys('slaBoard.undo')}>
            {t('sla.board.undo')}
          </button>
          <button type="button" className="button small" disabled={!props.history.canRedo} onClick={props.history.redo} aria-keyshortcuts={ariaKeys('slaBoard.redo')}>
            {t('sla.board.redo')}
          </button>
        </div>
      ) : null}
      <div className="sla-lanes">
        {lane('marketing')}
        <section className="sla-lane-middle" aria-labelledby={`${id}-handoffs`}>
          <h3 id={`${id}-handoffs`}>{t('sla.diagram.handOffs')}</h3>
          <ul className="sla-flows">
            {handOffs.map((handOff) => (
              <li key={handOff.id} className={handOff.commitmentIds.length ? 'sla-flow' : 'sla-flow sla-flow-open'}>
                <EdgeArrow from={handOff.fromOwner} to={handOff.toOwner} open={handOff.commitmentIds.length === 0} />
                <span className="sla-flow-arrow">
                  {t('sla.diagram.handOff', { from: stageLabel(format, handOff.fromStageId), to: stageLabel(format, handOff.toStageId) })}
                </span>
                <span className="sla-flow-meta">
                  {department(t, handOff.fromOwner)} → {department(t, handOff.toOwner)} ·{' '}
                  {handOff.commitmentIds.length ? t('sla.diagram.covered') : t('sla.diagram.uncovered')}
                </span>
              </li>
            ))}
            {feedback.map((commitment) => (
              <li key={commitment.id} className="sla-flow sla-flow-back">
                <EdgeArrow from={commitment.owner} to="marketing" open={false} />
                <span className="sla-flow-arrow">
                  {department(t, commitment.owner)} → {department(t, 'marketing')}
                </span>
                <span className="sla-flow-meta">{t('sla.diagram.feedback', { cadence: t(`sla.cadences.${commitment.cadence}`) })}</span>
              </li>
            ))}
          </ul>
        </section>
        {lane('sales')}
      </div>
      {unassigned.length ? (
        <section className="sla-lane sla-lane-unassigned" aria-labelledby={`${id}-unassigned`}>
          <h3 id={`${id}-unassigned`}>{t('sla.diagram.unassigned')}</h3>
          <ul className="sla-cards">{unassigned.map(card)}</ul>
        </section>
      ) : null}
    </section>
  );
}
