import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { type CsvMapping, type CsvProblem, type CsvRowError, type DateOrder, type LeadField, MAX_CSV_BYTES, MAX_CSV_ROWS } from './csvApi';
import { BusinessClock } from '@shared/calendar/businessHours';
import { medianResponseHours } from '@shared/kpi/leadMeasure';
import { type Metric, METRICS, valueId } from '@shared/kpi/records';
import { type ResponseBasis, valuesToStore } from '@shared/kpi/responseFigures';
import { metricKey } from '@shared/kpi/values';
import { useApp } from '../../app/AppContext';
import type { PeriodValueRow } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { formatBytes } from '../../i18n';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { toastAction } from '../../ui/toastActions';
import { CancelledError, type CsvJob, createCsvJob, type LoadStage } from './csvClient';
import type { CsvLoaded, CsvPreviewResult } from './csvJob';
import { storedLeadMonths, undoImport, writeImportedValues } from './kpiStore';
import { formatPeriod, metricName } from './model';
import { ScrollRegion } from './ScrollRegion';

export const LEAD_FIELDS: readonly LeadField[] = ['id', 'createdDate', 'mqlDate', 'salDate', 'sqlDate', 'opportunityDate', 'closedDate', 'outcome', 'amount', 'firstContactDate', 'rejectedDate', 'source'];
const DATE_FIELDS: readonly LeadField[] = ['createdDate', 'mqlDate', 'salDate', 'sqlDate', 'opportunityDate', 'closedDate', 'firstContactDate', 'rejectedDate'];
const DATE_ORDERS: readonly DateOrder[] = ['ymd', 'mdy', 'dmy'];

type Phase =
  | { kind: 'idle' }
  | { kind: 'loading'; stage: LoadStage | 'reading' }
  | { kind: 'problem'; problem: CsvProblem }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; loaded: CsvLoaded };

type Check = { kind: 'none' } | { kind: 'checking'; done: number; total: number } | { kind: 'done'; preview: CsvPreviewResult } | { kind: 'invalid'; message: string };

function emptyMapping(shape: CsvMapping['shape'], from: CsvMapping): CsvMapping {
  return shape === 'leads'
    ? { shape: 'leads', columns: {}, dateOrder: from.dateOrder, decimal: from.decimal, marketingSources: [] }
    : { shape: 'periods', periodColumn: 0, columns: {}, dateOrder: from.dateOrder, decimal: from.decimal };
}

/**
 * Import a CRM's CSV export: pick a file, the worker decodes and parses it, the user checks the
 * guessed column mapping against the first rows, sees the rows that cannot be read and a summary
 * of what would be written (and replaced); nothing is written until Import is pressed, then all
 * values in one transaction, with Undo.
 */
type ImportProps = {
  workspaceId: string;
  onOpenChange(open: boolean): void;
  existing: readonly PeriodValueRow[];
  basis?: ResponseBasis;
  /** Once the values are written (the page's values grid then forgets its steps: see ValuesGrid's `imports`). */
  onImported?(): void;
};

export function ImportDialog(props: ImportProps & { open: boolean }) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={t('kpi.import.title')} description={t('kpi.import.intro')}>
      {props.open ? <ImportBody {...props} /> : null}
    </Dialog>
  );
}

function ImportBody(props: ImportProps) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const job = useRef<CsvJob | null>(null);
  const latest = useRef(0);
  const [file, setFile] = useState<{ name: string; size: number } | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [mapping, setMapping] = useState<CsvMapping | null>(null);
  const [sourcesText, setSourcesText] = useState('');
  const [check, setCheck] = useState<Check>({ kind: 'none' });
  const [writing, setWriting] = useState(false);

  // Closing the dialog stops whatever the worker is doing.
  useEffect(() => () => job.current?.cancel(), []);

  async function pick(picked: File | undefined) {
    if (!picked) return;
    job.current?.cancel();
    const current = createCsvJob();
    job.current = current;
    setFile({ name: picked.name, size: picked.size });
    setMapping(null);
    setCheck({ kind: 'none' });
    // Refused before a byte is read: arrayBuffer() of a multi-gigabyte file would fill the memory first.
    if (picked.size > MAX_CSV_BYTES) {
      setPhase({ kind: 'problem', problem: { code: 'tooLarge', detail: String(picked.size) } });
      return;
    }
    setPhase({ kind: 'loading', stage: 'reading' });
    try {
      const bytes = await picked.arrayBuffer();
      const outcome = await current.load(bytes, (stage) => setPhase({ kind: 'loading', stage }));
      if (!outcome.ok) {
        setPhase({ kind: 'problem', problem: outcome.problem });
        return;
      }
      setPhase({ kind: 'ready', loaded: outcome.loaded });
      setMapping(outcome.loaded.guess);
      setSourcesText(outcome.loaded.guess.shape === 'leads' ? outcome.loaded.guess.marketingSources.join(', ') : '');
    } catch (error) {
      if (error instanceof CancelledError) return;
      setPhase({ kind: 'failed', message: errorMessage(error) });
    }
  }

  function problemText(problem: CsvProblem): string {
    if (problem.code !== 'tooLarge') return t(`kpi.import.problems.${problem.code}`);
    // 'tooLarge' is either the size (detail: the byte count) or the row count ('1000000+ rows').
    if (problem.detail?.endsWith('rows')) return t('kpi.import.problems.tooManyRows', { limit: new Intl.NumberFormat(language).format(MAX_CSV_ROWS) });
    return t('kpi.import.problems.tooLarge', { limit: formatBytes(MAX_CSV_BYTES, language) });
  }

  function cancel() {
    job.current?.cancel();
    job.current = null;
    setPhase({ kind: 'idle' });
    setFile(null);
    setMapping(null);
    setCheck({ kind: 'none' });
    toast(t('kpi.import.cancelled'));
  }

  // Every mapping change re-checks all rows in the worker; an older answer is ignored.
  const mappingKey = JSON.stringify(mapping);
  useEffect(() => {
    const current = job.current;
    if (!mapping || !current) return;
    if (mapping.shape === 'leads' && !DATE_FIELDS.some((field) => mapping.columns[field] !== undefined)) {
      setCheck({ kind: 'invalid', message: t('kpi.import.needDate') });
      return;
    }
    const mine = ++latest.current;
    setCheck({ kind: 'checking', done: 0, total: phase.kind === 'ready' ? phase.loaded.rowCount : 0 });
    current
      .preview(mapping, (done, total) => {
        if (latest.current === mine) setCheck({ kind: 'checking', done, total });
      })
      .then((preview) => {
        if (latest.current === mine) setCheck({ kind: 'done', preview });
      })
      .catch((error: unknown) => {
        if (error instanceof CancelledError || latest.current !== mine) return;
        setPhase({ kind: 'failed', message: errorMessage(error) });
      });
    // mappingKey stands for `mapping`; phase only sizes the first progress figure.
    // oxlint-disable-next-line react/exhaustive-deps
  }, [mappingKey]);

  const existing = useMemo(() => new Map(props.existing.map((row) => [row.id, row.value])), [props.existing]);
  // What is stored: the file's monthly values, less the response-time medians of months whose lead
  // records are kept (those are measured from the records by the working calendar, shown here).
  const toWrite = useMemo(() => (check.kind === 'done' ? valuesToStore(check.preview.values, check.preview.leadMonths ?? []) : []), [check]);
  const measured = useMemo(() => {
    if (check.kind !== 'done' || !props.basis || !check.preview.leadMonths) return [];
    const clock = new BusinessClock(props.basis.calendar);
    return check.preview.leadMonths.flatMap((month) => {
      const median = medianResponseHours({ ...month, importedAt: '' }, clock, props.basis!.business);
      return median === null ? [] : [{ key: metricKey('responseHours'), period: month.period, value: median }];
    });
  }, [check, props.basis]);
  // Lead records replace their months' stored records whole: say which, before anything is written.
  const previewPeriods = check.kind === 'done' ? (check.preview.leadMonths ?? []).map((month) => month.period) : [];
  const replacedMonths = useLiveQuery(() => storedLeadMonths(props.workspaceId, previewPeriods), [props.workspaceId, previewPeriods.join()]) ?? [];
  const summary = useMemo(() => {
    if (check.kind !== 'done') return null;
    let added = 0;
    const replaced: { key: string; period: string; old: number; value: number }[] = [];
    for (const value of toWrite) {
      const old = existing.get(valueId(value.key, value.period));
      if (old === undefined) added++;
      else if (old !== value.value) replaced.push({ ...value, old });
    }
    const sameAsStored = toWrite.length - added - replaced.length;
    return { added, replaced, sameAsStored };
  }, [check, existing, toWrite]);

  async function confirm() {
    if (check.kind !== 'done' || (toWrite.length === 0 && !check.preview.leadMonths?.length)) return;
    setWriting(true);
    try {
      const result = await writeImportedValues(props.workspaceId, check.preview.values, undefined, { leadMonths: check.preview.leadMonths, language });
      job.current?.cancel();
      job.current = null;
      props.onImported?.();
      props.onOpenChange(false);
      toast.success(t('kpi.import.done', { count: result.written.length }), {
        action: toastAction(t('common.undo'), () => {
          void undoImport(result)
            .then(() => toast(t('kpi.import.undone')))
            .catch((error: unknown) => toast.error(t('kpi.errors.failed', { message: errorMessage(error) })));
        }),
      });
    } catch (error) {
      toast.error(t('kpi.errors.failed', { message: errorMessage(error) }));
    } finally {
      setWriting(false);
    }
  }

  const fmt = (value: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
  const headers = phase.kind === 'ready' ? phase.loaded.headers : [];
  const columnSelect = (field: string, label: string, value: number | undefined, onChange: (column: number | undefined) => void, optional = true) => (
    <div className="field" key={field}>
      <label htmlFor={`${id}-col-${field}`}>{label}</label>
      <select
        id={`${id}-col-${field}`}
        className="input"
        value={value === undefined ? '' : String(value)}
        onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
      >
        {optional ? <option value="">{t('kpi.import.notInFile')}</option> : null}
        {headers.map((header, index) => (
          <option key={index} value={index}>
            {header || `#${index + 1}`}
          </option>
        ))}
      </select>
    </div>
  );

  const setColumn = (field: string, column: number | undefined) =>
    setMapping((current) => {
      if (!current) return current;
      const columns: Record<string, number> = { ...current.columns };
      if (column === undefined) delete columns[field];
      else columns[field] = column;
      return { ...current, columns } as CsvMapping;
    });

  const errorText = (error: CsvRowError) =>
    [
      t('kpi.import.errorLine', { line: error.line }),
      error.column ? t('kpi.import.errorColumn', { column: error.column }) : null,
      t(`kpi.import.errors.${error.code}`, { text: error.text, firstLine: error.firstLine }),
    ]
      .filter(Boolean)
      .join(' · ');

  const busy = phase.kind === 'loading' || check.kind === 'checking';
  return (
    <div className="kpi-import">
      <div className="toolbar">
        <button type="button" className="button primary" onClick={() => fileInput.current?.click()} disabled={phase.kind === 'loading'}>
          {t('kpi.import.choose')}
        </button>
        <input ref={fileInput} type="file" accept=".csv,.txt,text/csv,text/plain" hidden onChange={(event) => void pick(event.target.files?.[0] ?? undefined)} />
        {file ? <span>{t('kpi.import.file', { name: file.name, size: formatBytes(file.size, language) })}</span> : null}
      </div>

      {busy ? (
        <div className="kpi-progress" role="status" aria-live="polite">
          {phase.kind === 'loading' ? (
            <>
              <span id={`${id}-progress-label`}>{phase.stage === 'parsing' ? t('kpi.import.parsing') : t('kpi.import.reading')}</span>
              <progress aria-labelledby={`${id}-progress-label`} />
            </>
          ) : check.kind === 'checking' ? (
            <>
              <span id={`${id}-progress-label`}>{t('kpi.import.checking', { done: fmt(check.done), total: fmt(check.total) })}</span>
              <progress aria-labelledby={`${id}-progress-label`} max={Math.max(1, check.total)} value={check.done} />
            </>
          ) : null}
          <button type="button" className="button" onClick={cancel}>
            {t('kpi.import.cancel')}
          </button>
        </div>
      ) : null}

      {phase.kind === 'problem' ? (
        <p className="field-error" role="alert">
          {problemText(phase.problem)}
        </p>
      ) : null}
      {phase.kind === 'failed' ? (
        <p className="field-error" role="alert">
          {t('kpi.import.failed', { message: phase.message })}
        </p>
      ) : null}

      {phase.kind === 'ready' && mapping ? (
        <>
          <fieldset className="kpi-fieldset">
            <legend>{t('kpi.import.mapping')}</legend>
            <div className="kpi-mapping">
              <div className="field">
                <label htmlFor={`${id}-shape`}>{t('kpi.import.shape')}</label>
                <select
                  id={`${id}-shape`}
                  className="input"
                  value={mapping.shape}
                  onChange={(event) => {
                    const shape = event.target.value as CsvMapping['shape'];
                    setMapping(phase.loaded.guess.shape === shape ? phase.loaded.guess : emptyMapping(shape, mapping));
                  }}
                >
                  <option value="leads">{t('kpi.import.shapes.leads')}</option>
                  <option value="periods">{t('kpi.import.shapes.periods')}</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-dateOrder`}>{t('kpi.import.dateOrder')}</label>
                <select id={`${id}-dateOrder`} className="input" value={mapping.dateOrder} onChange={(event) => setMapping({ ...mapping, dateOrder: event.target.value as DateOrder })}>
                  {DATE_ORDERS.map((order) => (
                    <option key={order} value={order}>
                      {t(`kpi.import.dateOrders.${order}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-decimal`}>{t('kpi.import.decimal')}</label>
                <select id={`${id}-decimal`} className="input" value={mapping.decimal} onChange={(event) => setMapping({ ...mapping, decimal: event.target.value as '.' | ',' })}>
                  <option value=".">{t('kpi.import.decimals.dot')}</option>
                  <option value=",">{t('kpi.import.decimals.comma')}</option>
                </select>
              </div>
              {mapping.shape === 'leads'
                ? LEAD_FIELDS.map((field) => {
                    const label = t(`kpi.import.fields.${field}`);
                    return columnSelect(field, t('kpi.import.column', { field: label }), mapping.columns[field], (column) => setColumn(field, column));
                  })
                : [
                    columnSelect('period', t('kpi.import.column', { field: t('kpi.import.periodColumn') }), mapping.periodColumn, (column) => setMapping({ ...mapping, periodColumn: column ?? 0 }), false),
                    ...METRICS.map((metric: Metric) =>
                      columnSelect(metric, t('kpi.import.column', { field: t(`kpi.metrics.${metric}`) }), mapping.columns[metric], (column) => setColumn(metric, column)),
                    ),
                  ]}
              {mapping.shape === 'leads' ? (
                <div className="field">
                  <label className="radio">
                    <input type="checkbox" checked={mapping.closedIsWon ?? false} onChange={(event) => setMapping({ ...mapping, closedIsWon: event.target.checked })} />{' '}
                    {t('kpi.import.closedIsWon')}
                  </label>
                </div>
              ) : null}
              {mapping.shape === 'leads' ? (
                <div className="field">
                  <label htmlFor={`${id}-sources`}>{t('kpi.import.marketingSources')}</label>
                  <input
                    id={`${id}-sources`}
                    className="input"
                    value={sourcesText}
                    onChange={(event) => setSourcesText(event.target.value)}
                    onBlur={() =>
                      setMapping({
                        ...mapping,
                        marketingSources: sourcesText
                          .split(/[,、，]/)
                          .map((source) => source.trim())
                          .filter(Boolean),
                      })
                    }
                  />
                </div>
              ) : null}
            </div>
          </fieldset>

          <h3 id={`${id}-preview`}>{t('kpi.import.preview')}</h3>
          <ScrollRegion label={t('kpi.import.preview')}>
            <table className="table kpi-preview-table" aria-labelledby={`${id}-preview`}>
              <caption className="visually-hidden">{t('kpi.import.previewCaption', { count: phase.loaded.sample.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kpi.import.colLine')}</th>
                  {phase.loaded.headers.map((header, index) => (
                    <th scope="col" key={index}>
                      {header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {phase.loaded.sample.map((row, index) => (
                  <tr key={index}>
                    <th scope="row">{phase.loaded.sampleLines[index]}</th>
                    {phase.loaded.headers.map((_, column) => (
                      <td key={column}>{row[column] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>

          {check.kind === 'invalid' ? (
            <p className="field-error" role="alert">
              {check.message}
            </p>
          ) : null}

          {check.kind === 'done' && summary ? (
            <>
              <section aria-labelledby={`${id}-errors`}>
                <h3 id={`${id}-errors`}>{t('kpi.import.errorsTitle', { count: check.preview.errorCount })}</h3>
                {check.preview.errorCount === 0 ? (
                  <p>{t('kpi.import.errorsNone')}</p>
                ) : (
                  // A scrolling list must be reachable by keyboard (axe scrollable-region-focusable).
                  // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex
                  <ul className="kpi-errors" aria-labelledby={`${id}-errors`} tabIndex={0}>
                    {check.preview.errors.map((error, index) => (
                      <li key={index}>{errorText(error)}</li>
                    ))}
                    {check.preview.errorCount > check.preview.errors.length ? <li>{t('kpi.import.errorsMore', { count: check.preview.errorCount - check.preview.errors.length })}</li> : null}
                  </ul>
                )}
              </section>
              <section aria-labelledby={`${id}-summary`}>
                <h3 id={`${id}-summary`}>{t('kpi.import.summaryTitle')}</h3>
                <p>{t('kpi.import.summaryRows', { read: fmt(check.preview.rowsRead), used: fmt(check.preview.rowsUsed) })}</p>
                {check.preview.values.length === 0 || !check.preview.periods ? (
                  <p>{t('kpi.import.summaryNothing')}</p>
                ) : (
                  <>
                    <p>
                      {t('kpi.import.summaryMonths', {
                        first: formatPeriod(check.preview.periods.first, language, 'long'),
                        last: formatPeriod(check.preview.periods.last, language, 'long'),
                      })}
                    </p>
                    <p>
                      {t('kpi.import.summaryValues', {
                        total: fmt(toWrite.length),
                        added: fmt(summary.added),
                        replaced: fmt(summary.replaced.length),
                        same: fmt(summary.sameAsStored),
                      })}
                    </p>
                    {summary.replaced.length > 0 ? (
                      <details open={summary.replaced.length <= 12}>
                        <summary>{t('kpi.import.replacedTitle')}</summary>
                        <ul>
                          {summary.replaced.map((row) => (
                            <li key={`${row.key}|${row.period}`}>
                              {t('kpi.import.replacedLine', { metric: metricName(t, row.key), period: formatPeriod(row.period, language, 'long'), old: fmt(row.old), new: fmt(row.value) })}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                    {check.preview.leadMonths?.length ? (
                      <p>
                        {t(props.basis?.business === false ? 'calendar.kpi.importRecordsClock' : 'calendar.kpi.importRecords', {
                          count: check.preview.leadMonths.length,
                          records: fmt(check.preview.leadMonths.reduce((sum, month) => sum + month.ids.length, 0)),
                        })}
                      </p>
                    ) : null}
                    {replacedMonths.length > 0 ? (
                      <ul aria-label={t('calendar.kpi.replacedRecordsTitle')}>
                        {replacedMonths.map((month) => (
                          <li key={month.period}>
                            {t('calendar.kpi.replacedRecords', {
                              count: month.records,
                              records: fmt(month.records),
                              period: formatPeriod(month.period, language, 'long'),
                              date: new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(month.importedAt)),
                            })}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    <SummaryTable values={[...toWrite, ...measured]} />
                  </>
                )}
              </section>
            </>
          ) : null}
        </>
      ) : null}

      <DialogButtons
        onCancel={() => props.onOpenChange(false)}
        confirmLabel={t('kpi.import.confirm', { count: check.kind === 'done' ? toWrite.length : 0 })}
        disabled={writing || check.kind !== 'done' || (toWrite.length === 0 && !check.preview.leadMonths?.length)}
        onConfirm={() => void confirm()}
      />
    </div>
  );
}

/** The values to be written, months × metrics (in a disclosure: it can be wide). */
function SummaryTable(props: { values: readonly { key: string; period: string; value: number }[] }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const keys = [...new Set(props.values.map((value) => value.key))];
  const periods = [...new Set(props.values.map((value) => value.period))].sort();
  const byId = new Map(props.values.map((value) => [valueId(value.key, value.period), value.value]));
  const fmt = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  return (
    <details>
      <summary id={`${id}-title`}>{t('kpi.import.summaryTable')}</summary>
      <ScrollRegion label={t('kpi.import.summaryTable')}>
        <table className="table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">{t('kpi.dashboard.colMonth')}</th>
              {keys.map((key) => (
                <th scope="col" key={key} className="num">
                  {metricName(t, key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {periods.map((period) => (
              <tr key={period}>
                <th scope="row">{formatPeriod(period, language, 'long')}</th>
                {keys.map((key) => {
                  const value = byId.get(valueId(key, period));
                  return (
                    <td key={key} className="num">
                      {value === undefined ? '–' : fmt.format(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
