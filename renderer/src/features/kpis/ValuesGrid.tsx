import { Fragment, type KeyboardEvent, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { attainmentRule } from '@shared/kpi/attainment';
import { isPeriod } from '@shared/kpi/periods';
import { type Metric, METRICS, type ValueSource, valueId } from '@shared/kpi/records';
import { kpiKey, metricKey } from '@shared/kpi/values';
import { useApp } from '../../app/AppContext';
import { errorMessage } from '../../db/errors';
import { historyFlags, SnapshotHistory } from '@shared/history/history';
import { composing, type KeyTarget } from '../../ui/shortcuts/keys';
import { ariaKeys } from '../../ui/shortcuts/labels';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';
import { toastAction } from '../../ui/toastActions';
import { EndingField } from './EndingField';
import { applyCell, type CellState, cellStates, type KpiData, revertValue, setValue } from './kpiStore';
import { formatPeriod, monthsEnding } from './model';
import { type NumberProblem, parseLocaleNumber } from './numbers';
import { ScrollRegion } from './ScrollRegion';

const WHOLE_METRICS: ReadonlySet<Metric> = new Set<Metric>(['leads', 'mql', 'sal', 'sql', 'opportunities', 'opportunitiesClosed', 'won']);

/** `percent`: a share of records (0–100). */
type GridRow = { key: string; label: string; whole: boolean; allowNegative: boolean; percent?: boolean };
type Group = { title: string; rows: GridRow[] };
type CellProblem = { text: string; problem: NumberProblem };

/**
 * Values by month, typed by hand: funnel metrics, manual KPIs and the actuals of the signed SLA's
 * commitments that have no funnel metric. A cell saves on Enter, Tab or leaving it; what cannot be
 * read is named next to the grid and never saved. Arrow keys move between cells.
 */
export function ValuesGrid(props: {
  workspaceId: string;
  data: KpiData;
  ending: string;
  onEndingChange?(period: string): void;
  /**
   * 'page': 12 months ending at `ending`, with the month picker. 'meeting': only the month under
   * review, typed during the meeting (stored with source 'meeting').
   */
  variant?: 'page' | 'meeting';
  /**
   * How many CSV imports the page has written. Each one makes the history forget its steps: they
   * come before a change it did not make (and Undo of an import is the import's own, in its
   * notification), so Ctrl+Z never reaches past an import to take back an older edit.
   */
  imports?: number;
}) {
  const variant = props.variant ?? 'page';
  const source: ValueSource = variant === 'meeting' ? 'meeting' : 'manual';
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, CellProblem>>({});
  const [announcement, setAnnouncement] = useState('');
  // This visit's saved changes (the app's record-snapshot History): "Undo last change" (Ctrl+Z)
  // walks back through them, Redo (Ctrl+Shift+Z, Ctrl+Y) forward again.
  const [history] = useState(() => new SnapshotHistory<CellState>({ apply: (to, from) => applyCell(to, from) }));
  const [{ flags, subscribe }] = useState(() => ({ flags: historyFlags(history), subscribe: (listener: () => void) => history.subscribe(listener) }));
  const { canUndo, canRedo } = useSyncExternalStore(subscribe, flags);
  useEffect(() => {
    if (props.imports) history.clear();
  }, [history, props.imports]);
  const table = useRef<HTMLTableElement>(null);
  // Enter commits and moves focus, whose blur would commit the same text again.
  const pending = useRef(new Set<string>());
  const periods = useMemo(() => (isPeriod(props.ending) ? monthsEnding(props.ending, variant === 'meeting' ? 1 : 12) : []), [props.ending, variant]);
  const stored = useMemo(() => new Map(props.data.values.map((row) => [row.id, row.value])), [props.data.values]);
  // Months measured from imported lead records: shown, not typed (they follow the working calendar).
  const derived = useMemo(() => new Map(props.data.response.derived.map((value) => [valueId(value.key, value.period), value.value])), [props.data.response.derived]);
  const display = useMemo(() => new Intl.NumberFormat(language, { maximumFractionDigits: 6 }), [language]);

  const groups: Group[] = useMemo(() => {
    const out: Group[] = [
      { title: t('kpi.values.groupMetrics'), rows: METRICS.map((metric) => ({ key: metricKey(metric), label: t(`kpi.metrics.${metric}`), whole: WHOLE_METRICS.has(metric), allowNegative: false })) },
    ];
    const manual = props.data.kpis.filter((kpi) => kpi.formula.type === 'manual');
    if (manual.length > 0) out.push({ title: t('kpi.values.groupManual'), rows: manual.map((kpi) => ({ key: kpiKey(kpi.id), label: kpi.name, whole: false, allowNegative: true })) });
    const sla = props.data.sla;
    if (sla) {
      const rows: GridRow[] = [];
      for (const commitment of sla.commitments) {
        const rule = attainmentRule(commitment, { stages: sla.stages });
        if (rule?.key.startsWith('sla:')) rows.push({
          key: rule.key,
          label: t('kpi.values.slaRow', { kind: t(`sla.kinds.${commitment.kind}`), unit: t(`kpi.values.slaUnits.${rule.unit}`) }),
          whole: false,
          allowNegative: false,
          percent: rule.unit === 'percent',
        });
      }
      if (rows.length > 0) out.push({ title: t('kpi.values.groupSla'), rows });
    }
    return out;
  }, [props.data.kpis, props.data.sla, t]);
  const rows = groups.flatMap((group) => group.rows);

  const cellLabel = (row: GridRow, period: string) => t('kpi.values.cellLabel', { row: row.label, period: formatPeriod(period, language, 'long') });
  const storedText = (cellId: string) => {
    const value = stored.get(cellId);
    return value === undefined ? '' : display.format(value);
  };

  async function commit(row: GridRow, period: string) {
    const cellId = valueId(row.key, period);
    const text = drafts[cellId];
    if (text === undefined || pending.current.has(cellId) || derived.has(cellId)) return;
    const parsed = parseLocaleNumber(text, language, { whole: row.whole, allowNegative: row.allowNegative, percent: row.percent });
    if (!parsed.ok) {
      setProblems((current) => ({ ...current, [cellId]: { text, problem: parsed.problem } }));
      return;
    }
    const clear = () => {
      setDrafts(({ [cellId]: _, ...rest }) => rest);
      setProblems(({ [cellId]: _, ...rest }) => rest);
    };
    const before = stored.get(cellId);
    if ((parsed.value ?? undefined) === before) {
      clear();
      return;
    }
    pending.current.add(cellId);
    try {
      const change = await setValue(props.workspaceId, row.key, period, parsed.value, source);
      clear();
      const states = cellStates(change);
      const step = history.record(states.before, states.after);
      const where = { row: row.label, period: formatPeriod(period, language, 'long') };
      if (parsed.value === null) {
        toast(t('kpi.values.removed', where), {
          action: toastAction(t('common.undo'), () => {
            void revertValue(change).then(() => {
              history.drop(step);
              toast(t('kpi.values.undone'));
            });
          }),
        });
      } else {
        setAnnouncement(t('kpi.values.saved', where));
      }
    } catch (error) {
      toast.error(t('kpi.errors.failed', { message: errorMessage(error) }));
    } finally {
      pending.current.delete(cellId);
    }
  }

  async function undoOrRedo(which: 'undo' | 'redo') {
    const step = history.next(which);
    if (!step) return;
    const label = groups.flatMap((group) => group.rows).find((row) => row.key === step.after.key)?.label ?? step.after.key;
    const where = { row: label, period: formatPeriod(step.after.period, language, 'long') };
    try {
      const result = which === 'undo' ? await history.undo() : await history.redo();
      if (result === 'done') setAnnouncement(t(which === 'undo' ? 'kpi.values.undoneCell' : 'keys.redoneCell', where));
      else if (result === 'superseded') toast(t('keys.supersededCell', where));
    } catch (error) {
      toast.error(t('kpi.errors.failed', { message: errorMessage(error) }));
    }
  }

  // Ctrl/⌘+Z and Ctrl/⌘+Shift+Z or Ctrl+Y (the shortcut table's 'kpiValues' scope), also in a
  // cell with nothing typed in it. Typing (in a cell, or in any other field of the page, such as a
  // meeting's notes) keeps the browser's own undo of that typing.
  const leaveToField = (target: KeyTarget, element: Element | null) => {
    if (target !== 'typing') return false;
    const cell = element instanceof HTMLInputElement && table.current?.contains(element) ? element.dataset.cell : undefined;
    return cell === undefined || drafts[cell] !== undefined;
  };
  useShortcuts('kpiValues', {
    'kpiValues.undo': ({ target, element }) => (leaveToField(target, element) ? false : void undoOrRedo('undo')),
    'kpiValues.redo': ({ target, element }) => (leaveToField(target, element) ? false : void undoOrRedo('redo')),
  });

  function focusCell(rowIndex: number, colIndex: number) {
    const input = table.current?.querySelector<HTMLInputElement>(`input[data-row="${rowIndex}"][data-col="${colIndex}"]`);
    if (input) {
      input.focus();
      input.select();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, row: GridRow, period: string, rowIndex: number, colIndex: number) {
    // Keys while an IME composes (full-width digits typed with Japanese input on) are the IME's:
    // the Enter that confirms them must not save and move on, nor an arrow leave the cell.
    if (composing(event.nativeEvent)) return;
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const cellId = valueId(row.key, period);
    switch (event.key) {
      case 'Enter':
        event.preventDefault();
        void commit(row, period);
        focusCell(event.shiftKey ? rowIndex - 1 : rowIndex + 1, colIndex);
        return;
      case 'Escape':
        if (drafts[cellId] !== undefined || problems[cellId]) {
          // Only the typing is undone; the dialog-level Escape is not involved here.
          event.preventDefault();
          setDrafts(({ [cellId]: _, ...rest }) => rest);
          setProblems(({ [cellId]: _, ...rest }) => rest);
        }
        return;
      case 'ArrowUp':
        event.preventDefault();
        focusCell(rowIndex - 1, colIndex);
        return;
      case 'ArrowDown':
        event.preventDefault();
        focusCell(rowIndex + 1, colIndex);
        return;
      case 'ArrowLeft':
        if (atStart) {
          event.preventDefault();
          focusCell(rowIndex, colIndex - 1);
        }
        return;
      case 'ArrowRight':
        if (atEnd) {
          event.preventDefault();
          focusCell(rowIndex, colIndex + 1);
        }
        return;
    }
  }

  const problemList = Object.entries(problems);
  let rowIndex = -1;
  return (
    <section aria-labelledby={`${id}-title`} className="kpi-values">
      <div className="section-header">
        <h2 id={`${id}-title`}>{variant === 'meeting' ? t('kpi.values.meetingTitle', { period: formatPeriod(props.ending, language, 'long') }) : t('kpi.values.title')}</h2>
        {variant === 'page' && props.onEndingChange ? <EndingField label={t('kpi.values.ending')} value={props.ending} onChange={props.onEndingChange} /> : null}
      </div>
      <p className="muted">{variant === 'meeting' ? t('kpi.values.meetingIntro') : t('kpi.values.intro')}</p>
      <div className="toolbar">
        <button type="button" className="button" disabled={!canUndo} onClick={() => void undoOrRedo('undo')} aria-keyshortcuts={ariaKeys('kpiValues.undo')}>
          {t('kpi.values.undoLast')} <kbd aria-hidden="true">{t('kpi.values.undoKey')}</kbd>
        </button>
        <button type="button" className="button" disabled={!canRedo} onClick={() => void undoOrRedo('redo')} aria-keyshortcuts={ariaKeys('kpiValues.redo')}>
          {t('keys.redoLast')} <kbd aria-hidden="true">{t('keys.redoKey')}</kbd>
        </button>
      </div>
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      {problemList.length > 0 ? (
        <div className="kpi-problems" role="alert">
          <h3>{t('kpi.values.problems')}</h3>
          <ul>
            {problemList.map(([cellId, problem]) => {
              const [key, period] = cellId.split('|') as [string, string];
              const row = rows.find((candidate) => candidate.key === key);
              return (
                <li key={cellId} id={`${id}-problem-${cellId}`}>
                  {t('kpi.numbers.cellError', {
                    row: row?.label ?? key,
                    period: formatPeriod(period, language, 'long'),
                    problem: t(`kpi.numbers.${problem.problem}`, { text: problem.text }),
                  })}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {periods.length === 0 ? (
        <p className="field-error">{t('kpi.dashboard.badEnding')}</p>
      ) : (
        <ScrollRegion label={t('kpi.values.gridLabel')}>
          <table className="table kpi-grid" ref={table} aria-label={t('kpi.values.gridLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('kpi.values.colKey')}</th>
                {periods.map((period) => (
                  <th scope="col" key={period} className="num">
                    {formatPeriod(period, language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <Fragment key={group.title}>
                  <tr className="kpi-group">
                    <th scope="colgroup" colSpan={periods.length + 1}>
                      {group.title}
                    </th>
                  </tr>
                  {group.rows.map((row) => {
                    rowIndex += 1;
                    const thisRow = rowIndex;
                    return (
                      <tr key={row.key}>
                        <th scope="row">{row.label}</th>
                        {periods.map((period, colIndex) => {
                          const cellId = valueId(row.key, period);
                          const problem = problems[cellId];
                          const measured = derived.get(cellId);
                          return (
                            <td key={period}>
                              <input
                                className={measured === undefined ? 'kpi-cell' : 'kpi-cell kpi-cell-derived'}
                                inputMode="decimal"
                                data-row={thisRow}
                                data-col={colIndex}
                                data-cell={cellId}
                                aria-label={measured === undefined ? cellLabel(row, period) : `${cellLabel(row, period)} (${t('calendar.kpi.derivedCell')})`}
                                title={measured === undefined ? undefined : t('calendar.kpi.derivedCell')}
                                readOnly={measured !== undefined}
                                aria-invalid={problem ? true : undefined}
                                aria-describedby={problem ? `${id}-problem-${cellId}` : undefined}
                                value={measured !== undefined ? display.format(measured) : (drafts[cellId] ?? storedText(cellId))}
                                onChange={(event) => {
                                  if (measured !== undefined) return;
                                  const text = event.target.value;
                                  setDrafts((current) => ({ ...current, [cellId]: text }));
                                }}
                                onBlur={() => void commit(row, period)}
                                onKeyDown={(event) => onKeyDown(event, row, period, thisRow, colIndex)}
                              />
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </Fragment>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
