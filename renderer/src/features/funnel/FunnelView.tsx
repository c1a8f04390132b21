import './funnel.css';
import { MarkerType, ReactFlowProvider, useReactFlow, type Edge, type NodeMouseHandler } from '@xyflow/react';
import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type * as Y from 'yjs';
import { nodesMap } from '@shared/board/doc';
import type { RevenuePlan } from '@shared/funnel/plan';
import { reverseFunnel, type ReverseFunnelResult } from '@shared/funnel/reverseFunnel';
import {
  addStage,
  FUNNEL_DEPARTMENTS,
  FUNNEL_PERIODS,
  handOffs,
  MAX_STAGE_NAME,
  mainStages,
  moveStage,
  removeStage,
  STAGE_KINDS,
  stageName,
  updateStage,
  type HandOff,
  type Stage,
  type StagePatch,
} from '@shared/funnel/stages';
import type { Language } from '@shared/settings';
import { useApp } from '../../app/AppContext';
import { Toolbar } from '../board/Toolbar';
import { ToolButton } from '../board/ToolButton';
import { Icon } from '../board/icons';
import { useCompactChrome } from '../board/compact';
import { CanvasShell } from '../board/CanvasShell';
import { FUNNEL_KINDS } from './stageKind';
import { findingsFor } from '@shared/sla/checks';
import { findingMessage, type SlaFormat } from '../sla/format';
import { ChecksPanel } from './ChecksPanel';
import { type FunnelSla, funnelFindings, worstSeverity } from './checks';
import { DraftField } from '../../ui/DraftField';
import { MoveButtons } from '../../ui/MoveButtons';
import { parseAmount, parsePercent, parseVolume, percentText, SelectField } from './fields';
import { FunnelSession, planMap, readPlan, readStages } from './funnelDoc';
import { funnelLayout } from './layout';
import type { StageFlowNode } from './StageNode';
import { funnelSheetRequest, useBoardExports } from '../diagrams/exports';
import { ariaKeys } from '../../ui/shortcuts/labels';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';

type Snapshot = { stages: Stage[]; plan: RevenuePlan };

function useFunnel(doc: Y.Doc): Snapshot {
  const [store] = useState(() => {
    let value: Snapshot = { stages: readStages(doc), plan: readPlan(doc) };
    return {
      get: () => value,
      subscribe: (notify: () => void) => {
        const refresh = () => {
          value = { stages: readStages(doc), plan: readPlan(doc) };
          notify();
        };
        const nodes = nodesMap(doc);
        const plan = planMap(doc);
        nodes.observeDeep(refresh);
        plan.observeDeep(refresh);
        refresh();
        return () => {
          nodes.unobserveDeep(refresh);
          plan.unobserveDeep(refresh);
        };
      },
    };
  });
  return useSyncExternalStore(store.subscribe, store.get);
}


/** The funnel board: the diagram (automatic layout) and a side panel to edit stages and plan. */
export function FunnelView(props: FunnelProps) {
  return (
    <ReactFlowProvider>
      <Funnel {...props} />
    </ReactFlowProvider>
  );
}

const NO_COMMITMENTS: readonly never[] = [];
const FIT_VIEW_OPTIONS = { padding: 0.12, maxZoom: 1 };

type FunnelProps = {
  doc: Y.Doc;
  /** The workspace's current SLA version (null: none yet, only the funnel is checked). */
  sla?: FunnelSla;
  /** Where the SLA page is (null: no link). */
  slaHref?: string | null;
  /** The board, for its exports (funnel sheet, whole board as PDF and PNG); none without it. */
  exports?: { workspaceId: string; boardId: string; boardName: string };
};

function Funnel(props: FunnelProps) {
  const { t } = useTranslation();
  const { language } = useApp();
  const { doc } = props;
  const [session] = useState(() => new FunnelSession(doc));
  useEffect(() => session.start(), [session]);
  const history = useSyncExternalStore(session.subscribe, session.getHistory);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const { stages, plan } = useFunnel(doc);
  const flow = useReactFlow();

  const side = useRef<HTMLDivElement>(null);
  const undoOrRedo = useCallback(
    (which: 'undo' | 'redo') => {
      const result = session.undoOrRedo(which);
      if (result === 'superseded') toast(t('board.superseded'));
      setAnnouncement(result === 'done' ? t(which === 'undo' ? 'funnel.undone' : 'funnel.redone') : t('funnel.nothingToUndo'));
      // A step that takes away the stage whose control had the focus (undoing "Add stage", say)
      // leaves the focus in the stages' side rather than on the page's body.
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (!active || active === document.body) side.current?.focus({ preventScroll: true });
      });
    },
    [session, t],
  );

  useShortcuts('funnel', { 'funnel.undo': () => undoOrRedo('undo'), 'funnel.redo': () => undoOrRedo('redo') });

  const result = useMemo(() => reverseFunnel(plan, stages), [plan, stages]);
  const names = useMemo(() => new Map(stages.map((stage) => [stage.id, stageName(stage, language) || t('funnel.newStageName')])), [stages, language, t]);
  const number = useMemo(() => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }), [language]);
  const percent = useMemo(() => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }), [language]);
  const handOffList = useMemo(() => handOffs(stages), [stages]);
  const sla = props.sla ?? null;
  const findings = useMemo(() => funnelFindings({ stages, plan }, sla, result), [stages, plan, sla, result]);
  const format = useMemo<SlaFormat>(() => ({ t, language, stages }), [t, language, stages]);
  const commitments = sla?.commitments ?? NO_COMMITMENTS;

  const nodes = useMemo<StageFlowNode[]>(() => {
    const volumes = stages.map((stage) => stage.targetVolume ?? (result.ok ? (result.stages.find((s) => s.stageId === stage.id)?.required ?? null) : null));
    const boxes = funnelLayout(stages.map((stage, index) => ({ id: stage.id, kind: stage.kind, volume: volumes[index] })));
    return stages.map((stage, index) => {
      const box = boxes[index]!;
      const name = names.get(stage.id)!;
      const ownerLabel = t(`funnel.owners.${stage.owner}`);
      const volumeText =
        stage.targetVolume !== null
          ? t('funnel.volume', { volume: number.format(stage.targetVolume) })
          : volumes[index] !== null && volumes[index] !== undefined
            ? t('funnel.volumeNeeded', { volume: number.format(volumes[index]) })
            : t('funnel.volumeNone');
      const rateText = stage.conversionRate !== null ? t('funnel.rate', { rate: percent.format(stage.conversionRate) }) : t('funnel.rateNone');
      const own = findingsFor(findings, stage.id);
      const severity = worstSeverity(own);
      const label = t('funnel.nodeLabel', { name, owner: ownerLabel, volume: volumeText, rate: rateText });
      return {
        id: stage.id,
        type: 'stage',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        draggable: false,
        connectable: false,
        selectable: true,
        selected: stage.id === selectedId,
        data: {
          name,
          owner: stage.owner,
          ownerLabel,
          volumeText,
          rateText,
          label: severity
            ? `${label}; ${t('funnel.checks.nodeProblems', {
                count: own.length,
                problems: own.map((finding) => `${t(`sla.findings.${finding.severity}`)}: ${findingMessage(format, finding, commitments)}`).join(' '),
              })}`
            : label,
          checks: severity ? { severity, text: t('funnel.checks.badge', { severity: t(`sla.findings.${severity}`), count: own.length }) } : null,
          outcome: stage.kind === 'outcome',
          width: box.width,
          height: box.height,
        },
      };
    });
  }, [stages, result, names, number, percent, selectedId, t, findings, format, commitments]);

  const edges = useMemo<Edge[]>(() => {
    const steps = mainStages(stages);
    const handOffIds = new Set(handOffList.map((handOff) => handOff.id));
    const owners = new Map(stages.map((stage) => [stage.id, stage.owner]));
    const list: Edge[] = [];
    for (let i = 1; i < steps.length; i++) {
      const source = steps[i - 1]!.id;
      const target = steps[i]!.id;
      const id = `${source}->${target}`;
      const isHandOff = handOffIds.has(id);
      const fromOwner = t(`funnel.owners.${owners.get(source)!}`);
      const toOwner = t(`funnel.owners.${owners.get(target)!}`);
      const stageNames = { from: names.get(source) ?? '', to: names.get(target) ?? '' };
      list.push({
        id,
        source,
        target,
        focusable: false,
        className: isHandOff ? 'funnel-edge is-handoff' : 'funnel-edge',
        markerEnd: { type: MarkerType.ArrowClosed },
        label: isHandOff ? t('funnel.handOffEdge', { from: fromOwner, to: toOwner }) : undefined,
        // What a screen reader says of the arrow (React Flow's own is "Edge from <id> to <id>", in English).
        ariaLabel: isHandOff ? t('funnel.edgeHandOff', { ...stageNames, fromOwner, toOwner }) : t('funnel.edge', stageNames),
        labelBgPadding: [6, 3],
        labelBgBorderRadius: 4,
      });
    }
    return list;
  }, [stages, handOffList, names, t]);

  // After a stage is added or removed, fit the diagram to the window again.
  const refit = () => requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS));

  const onNodeClick = useCallback<NodeMouseHandler<StageFlowNode>>((_event, node) => setSelectedId(node.id), []);

  const set = (next: readonly Stage[]) => {
    if (next !== stages) session.setStages(next);
  };
  const patch = (id: string, change: StagePatch) => set(updateStage(stages, id, change));

  const add = () => {
    const selected = stages.find((stage) => stage.id === selectedId);
    const next = addStage(
      stages,
      { name: t('funnel.newStageName'), owner: selected?.owner ?? 'marketing', kind: 'step', period: selected?.period ?? 'month' },
      selected && selected.kind === 'step' ? { after: selected.id } : {},
    );
    const added = next.find((stage) => !stages.some((existing) => existing.id === stage.id));
    set(next);
    if (added) setSelectedId(added.id);
    setAnnouncement(t('funnel.added'));
    refit();
  };
  const remove = (stage: Stage) => {
    const index = stages.indexOf(stage);
    set(removeStage(stages, stage.id));
    const neighbour = stages[index + 1] ?? stages[index - 1];
    setSelectedId(neighbour?.id ?? null);
    // The pressed × goes with its stage: the focus moves to the stage now selected (the list
    // itself once none is left), not to the page's body, so the keyboard stays in the list.
    requestAnimationFrame(() => {
      const list = side.current;
      if (!list || (document.activeElement && document.activeElement !== document.body && list.contains(document.activeElement))) return;
      const pick = neighbour ? list.querySelector<HTMLElement>(`[data-stage-id="${CSS.escape(neighbour.id)}"] .funnel-stage-pick`) : null;
      (pick ?? list).focus({ preventScroll: !pick });
    });
    refit();
    const message = t('funnel.removed', { name: names.get(stage.id) ?? '' });
    toast(message);
    setAnnouncement(message);
  };
  const move = (stage: Stage, by: number) => set(moveStage(stages, stage.id, stages.indexOf(stage) + by));

  const selected = stages.find((stage) => stage.id === selectedId) ?? null;
  const compact = useCompactChrome();

  return (
    <>
      <div className={`board-top${compact ? ' is-compact' : ''}`}>
        <div className={`board-toolbar-row funnel-tools${compact ? ' is-compact' : ''}`}>
          <Toolbar label={t('funnel.history')} className="funnel-toolbar">
            <button type="button" className="button small" disabled={!history.canUndo} aria-keyshortcuts={ariaKeys('funnel.undo')} onClick={() => undoOrRedo('undo')}>
              {t('funnel.undo')}
            </button>
            <button type="button" className="button small" disabled={!history.canRedo} aria-keyshortcuts={ariaKeys('funnel.redo')} onClick={() => undoOrRedo('redo')}>
              {t('funnel.redo')}
            </button>
            <button type="button" className="button small primary" onClick={add}>
              {t('funnel.addStage')}
            </button>
          </Toolbar>
          {props.exports ? <FunnelExports {...props.exports} /> : null}
          {compact ? (
            // The stages and details wait below the diagram: one press takes the user (and the focus) there.
            <button
              type="button"
              className="button small funnel-to-stages"
              onClick={() => {
                side.current?.scrollIntoView({ block: 'start' });
                side.current?.focus({ preventScroll: true });
              }}
            >
              {t('layout.stages')} <Icon name="arrowDown" />
            </button>
          ) : null}
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {/* Compact chrome: the diagram fills the view, the stages and details follow below it (scroll). */}
      <div className={`board-body funnel-body${compact ? ' is-compact' : ''}`}>
        <div className="board-canvas funnel-canvas" role="region" aria-label={t('funnel.canvas')}>
          <CanvasShell<StageFlowNode>
            nodes={nodes}
            edges={edges}
            nodeTypes={FUNNEL_KINDS.nodeTypes}
            onNodeClick={onNodeClick}
            nodesDraggable={false}
            nodesFocusable={false}
            elementsSelectable
            maxZoom={2}
            fitViewOptions={FIT_VIEW_OPTIONS}
          />
        </div>
        <div ref={side} tabIndex={-1} aria-label={t('layout.stages')} role="region" className="board-side funnel-side">
          <StageList stages={stages} names={names} selectedId={selectedId} onSelect={setSelectedId} onMove={move} onRemove={remove} />
          <section className="funnel-panel" aria-labelledby="funnel-editor-title">
            <h2 id="funnel-editor-title">{t('funnel.editor')}</h2>
            {selected ? (
              <StageEditor key={selected.id} stage={selected} language={language} onPatch={(change) => patch(selected.id, change)} />
            ) : (
              <p className="muted">{t('funnel.editorEmpty')}</p>
            )}
          </section>
          <HandOffs handOffs={handOffList} names={names} stageCount={stages.length} />
          <Calculator plan={plan} result={result} names={names} language={language} onPlan={(change) => session.setPlan(change)} />
          <ChecksPanel
            findings={findings}
            format={format}
            sla={sla}
            commitments={commitments}
            slaHref={props.slaHref ?? null}
            names={names}
            onShowStage={(stageId) => {
              setSelectedId(stageId);
              requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW_OPTIONS, nodes: [{ id: stageId }] }));
            }}
          />
        </div>
      </div>
    </>
  );
}

/** The funnel's exports: the funnel sheet, the whole board as PDF or PNG (also by Alt+Shift+P / B / I). */
function FunnelExports(props: { workspaceId: string; boardId: string; boardName: string }) {
  const { t } = useTranslation();
  const sheet = useMemo(() => funnelSheetRequest(props.workspaceId, props.boardId, props.boardName), [props.workspaceId, props.boardId, props.boardName]);
  const exports = useBoardExports({ ...props, sheet, shortcuts: 'funnelExports' });
  return (
    <>
      <Toolbar label={t('diagrams.exportsToolbar')} className="funnel-toolbar">
        <ToolButton label={t('diagrams.funnelSheet.export')} icon="pdf" shortcut="funnelExports.sheet" text onClick={exports.exportSheet!} />
        <ToolButton label={t('diagrams.board.exportPdf')} icon="board" shortcut="funnelExports.boardPdf" text onClick={exports.openBoardPdf} />
        <ToolButton label={t('diagrams.board.exportPng')} icon="image" shortcut="funnelExports.boardPng" text onClick={exports.exportPng} />
      </Toolbar>
      {exports.dialog}
    </>
  );
}

function StageList(props: {
  stages: readonly Stage[];
  names: ReadonlyMap<string, string>;
  selectedId: string | null;
  onSelect(id: string): void;
  onMove(stage: Stage, by: number): void;
  onRemove(stage: Stage): void;
}) {
  const { t } = useTranslation();
  const base = useId();
  return (
    <section className="funnel-panel" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t('funnel.stages')}</h2>
      {props.stages.length === 0 ? <p className="muted">{t('funnel.noStages')}</p> : null}
      <ol className="funnel-stage-list" aria-label={t('funnel.stageList')} hidden={props.stages.length === 0}>
        {props.stages.map((stage, index) => {
          const name = props.names.get(stage.id)!;
          return (
            <li key={stage.id} data-stage-id={stage.id} className={`owner-${stage.owner}${stage.id === props.selectedId ? ' is-selected' : ''}`}>
              <button
                type="button"
                className="button small funnel-stage-pick"
                aria-pressed={stage.id === props.selectedId}
                aria-label={t('funnel.edit', { name })}
                onClick={() => props.onSelect(stage.id)}
              >
                <span className="funnel-dot" aria-hidden="true" />
                {name}
              </button>
              <span className="funnel-stage-owner-text">{t(`funnel.owners.${stage.owner}`)}</span>
              <MoveButtons
                index={index}
                count={props.stages.length}
                labels={{ up: t('funnel.moveUp', { name }), down: t('funnel.moveDown', { name }) }}
                onMove={(delta) => props.onMove(stage, delta)}
              />
              <button type="button" className="button small danger" aria-label={t('funnel.remove', { name })} onClick={() => props.onRemove(stage)}>
                ×
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function StageEditor(props: { stage: Stage; language: Language; onPatch(change: StagePatch): void }) {
  const { t } = useTranslation();
  const { stage } = props;
  return (
    <div className="funnel-editor">
      <DraftField
        isolateKeys
        label={t('funnel.fields.name')}
        value={stageName(stage, props.language)}
        maxLength={MAX_STAGE_NAME}
        parse={(text) => ({ ok: true, value: text.trim() })}
        onCommit={(name) => props.onPatch({ name })}
      />
      <SelectField
        label={t('funnel.fields.owner')}
        value={stage.owner}
        options={FUNNEL_DEPARTMENTS.map((value) => ({ value, label: t(`funnel.owners.${value}`) }))}
        onChange={(owner) => props.onPatch({ owner })}
      />
      <SelectField
        label={t('funnel.fields.kind')}
        value={stage.kind}
        options={STAGE_KINDS.map((value) => ({ value, label: t(`funnel.kinds.${value}`) }))}
        onChange={(kind) => props.onPatch({ kind })}
      />
      <DraftField
        isolateKeys
        label={t('funnel.fields.entryDefinition')}
        value={stage.entryDefinition}
        multiline
        parse={(text) => ({ ok: true, value: text })}
        onCommit={(entryDefinition) => props.onPatch({ entryDefinition })}
      />
      <div className="funnel-volume-row">
        <DraftField
          isolateKeys
          label={t('funnel.fields.targetVolume')}
          value={stage.targetVolume === null ? '' : String(stage.targetVolume)}
          inputMode="numeric"
          maxLength={20}
          parse={(text) => {
            const value = parseVolume(text);
            return value === undefined ? { ok: false, error: t('funnel.invalidVolume') } : { ok: true, value };
          }}
          onCommit={(targetVolume) => props.onPatch({ targetVolume })}
        />
        <SelectField
          label={t('funnel.fields.period')}
          value={stage.period}
          options={FUNNEL_PERIODS.map((value) => ({ value, label: t(`funnel.periods.${value}`) }))}
          onChange={(period) => props.onPatch({ period })}
        />
      </div>
      <DraftField
        isolateKeys
        label={t('funnel.fields.conversionRate')}
        value={percentText(stage.conversionRate)}
        inputMode="decimal"
        maxLength={12}
        hint={t('funnel.rateHint')}
        parse={(text) => {
          const value = parsePercent(text);
          return value === undefined ? { ok: false, error: t('funnel.invalidRate') } : { ok: true, value };
        }}
        onCommit={(conversionRate) => props.onPatch({ conversionRate })}
      />
    </div>
  );
}

function HandOffs(props: { handOffs: readonly HandOff[]; names: ReadonlyMap<string, string>; stageCount: number }) {
  const { t } = useTranslation();
  return (
    <section className="funnel-panel" aria-labelledby="funnel-handoffs-title">
      <h2 id="funnel-handoffs-title">{t('funnel.handOffs')}</h2>
      {props.handOffs.length === 0 ? (
        // With fewer than two stages, "consecutive stages all have the same owner" would not be what is going on.
        <p className="muted">{t(props.stageCount === 0 ? 'funnel.noStages' : props.stageCount === 1 ? 'funnel.oneStage' : 'funnel.noHandOffs')}</p>
      ) : (
        <ul className="funnel-handoffs">
          {props.handOffs.map((handOff) => (
            <li key={handOff.id}>
              {t('funnel.handOffItem', {
                fromStage: props.names.get(handOff.fromStageId) ?? '',
                toStage: props.names.get(handOff.toStageId) ?? '',
                from: t(`funnel.owners.${handOff.fromOwner}`),
                to: t(`funnel.owners.${handOff.toOwner}`),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Calculator(props: {
  plan: RevenuePlan;
  result: ReverseFunnelResult;
  names: ReadonlyMap<string, string>;
  language: Language;
  onPlan(change: Partial<Pick<RevenuePlan, 'revenueTarget' | 'averageDealSize'>>): void;
}) {
  const { t } = useTranslation();
  const { result } = props;
  const whole = new Intl.NumberFormat(props.language, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(props.language, { maximumFractionDigits: 1 });
  const fraction = new Intl.NumberFormat(props.language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const amount = (text: string) => {
    const value = parseAmount(text);
    return value === undefined ? ({ ok: false, error: t('funnel.calculator.invalidAmount') } as const) : ({ ok: true, value } as const);
  };
  const show = (value: number | null, format: Intl.NumberFormat) => (value === null || !Number.isFinite(value) ? t('funnel.calculator.none') : format.format(value));
  return (
    <section className="funnel-panel" aria-labelledby="funnel-calculator-title">
      <h2 id="funnel-calculator-title">{t('funnel.calculator.title')}</h2>
      <p className="muted">{t('funnel.calculator.intro')}</p>
      <DraftField
        isolateKeys
        label={t('funnel.calculator.revenueTarget')}
        value={props.plan.revenueTarget === null ? '' : String(props.plan.revenueTarget)}
        inputMode="decimal"
        maxLength={24}
        parse={amount}
        onCommit={(revenueTarget) => props.onPlan({ revenueTarget })}
      />
      <DraftField
        isolateKeys
        label={t('funnel.calculator.averageDealSize')}
        value={props.plan.averageDealSize === null ? '' : String(props.plan.averageDealSize)}
        inputMode="decimal"
        maxLength={24}
        parse={amount}
        onCommit={(averageDealSize) => props.onPlan({ averageDealSize })}
      />
      <div aria-live="polite">
        {result.ok ? (
          <>
            <p className="funnel-deals">{t('funnel.calculator.deals', { deals: whole.format(result.deals) })}</p>
            {/* Large numbers scroll the table sideways inside its panel (the stages and fields above keep the side's width). */}
            <div className="funnel-table-scroll">
              <table className="funnel-table">
                <caption>{t('funnel.calculator.result')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('funnel.calculator.stage')}</th>
                    <th scope="col">{t('funnel.calculator.required')}</th>
                    <th scope="col">{t('funnel.calculator.target')}</th>
                    <th scope="col">{t('funnel.calculator.gap')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.stages.map((row) => (
                    <tr key={row.stageId} className={row.gap !== null && row.gap < 0 ? 'is-short' : undefined}>
                      <th scope="row">{props.names.get(row.stageId)}</th>
                      <td>{show(row.required, whole)}</td>
                      <td>{show(row.targetInPeriod, oneDecimal)}</td>
                      <td>{show(row.gap, fraction)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <div role="status" className="notice warning funnel-problems">
            <p>{t('funnel.calculator.problemsTitle')}</p>
            <ul>
              {result.problems.map((problem) => (
                <li key={`${problem.code}:${problem.stageId ?? ''}`}>
                  {t(`funnel.problems.${problem.code}`, { stage: problem.stageId ? (props.names.get(problem.stageId) ?? '') : '' })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
