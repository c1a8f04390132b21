import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import {
  DIRECTIONS,
  type Direction,
  type Formula,
  KPI_OWNERS,
  KPI_PERIODS,
  KPI_UNITS,
  type KpiOwner,
  type KpiPeriod,
  type KpiUnit,
  type Metric,
  METRICS,
  targetAllowed,
} from '@shared/kpi/records';
import { useApp } from '../../app/AppContext';
import { errorMessage } from '../../db/errors';
import type { KpiRow } from '../../db/db';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { addKpi, type KpiFields, NegativeTargetError, TooManyKpisError, updateKpi } from './kpiStore';
import { editableNumber } from './model';
import { parseLocaleNumber } from './numbers';

type FormulaType = Formula['type'];
const FORMULA_TYPES: readonly FormulaType[] = ['metric', 'ratio', 'slaAttainment', 'manual'];

/** Add or edit a KPI definition: name, formula, unit, direction, target, owner, period. */
export function KpiForm(props: { workspaceId: string; kpi: KpiRow | null; open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={props.kpi ? t('kpi.form.editTitle') : t('kpi.form.addTitle')}>
      {props.open ? <KpiFormBody {...props} /> : null}
    </Dialog>
  );
}

function KpiFormBody(props: { workspaceId: string; kpi: KpiRow | null; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const kpi = props.kpi;
  const [name, setName] = useState(kpi?.name ?? '');
  const [description, setDescription] = useState(kpi?.description ?? '');
  const [formulaType, setFormulaType] = useState<FormulaType>(kpi?.formula.type ?? 'metric');
  const [metric, setMetric] = useState<Metric>(kpi?.formula.type === 'metric' ? kpi.formula.metric : 'mql');
  const [numerator, setNumerator] = useState<Metric>(kpi?.formula.type === 'ratio' ? kpi.formula.numerator : 'sql');
  const [denominator, setDenominator] = useState<Metric>(kpi?.formula.type === 'ratio' ? kpi.formula.denominator : 'mql');
  const [unit, setUnit] = useState<KpiUnit>(kpi?.unit ?? 'count');
  const [direction, setDirection] = useState<Direction>(kpi?.direction ?? 'higher');
  const [target, setTarget] = useState(kpi?.target === null || kpi?.target === undefined ? '' : editableNumber(kpi.target, language));
  const [owner, setOwner] = useState<KpiOwner>(kpi?.owner ?? 'joint');
  const [period, setPeriod] = useState<KpiPeriod>(kpi?.period ?? 'month');
  const [errors, setErrors] = useState<{ name?: string; target?: string; ratio?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit() {
    const next: typeof errors = {};
    if (name.trim() === '') next.name = t('common.required', { field: t('kpi.form.name') });
    else if (name.trim().length > 200) next.name = t('common.tooLong', { field: t('kpi.form.name'), max: 200 });
    const formula: Formula =
      formulaType === 'metric'
        ? { type: 'metric', metric }
        : formulaType === 'ratio'
          ? { type: 'ratio', numerator, denominator }
          : { type: formulaType };
    const parsedTarget = parseLocaleNumber(target, language, { allowNegative: true });
    if (!parsedTarget.ok) next.target = t(`kpi.numbers.${parsedTarget.problem}`, { text: target });
    // Only a manual KPI's values can be below zero; for any other a negative target is always met.
    else if (!targetAllowed(formula, parsedTarget.value)) next.target = t('kpi.form.negativeTarget');
    if (formulaType === 'ratio' && numerator === denominator) next.ratio = t('kpi.form.sameMetrics');
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsedTarget.ok) return;
    const fields: KpiFields = {
      template: kpi?.template ?? null,
      name: name.trim(),
      description: description.trim(),
      formula,
      unit,
      direction,
      target: parsedTarget.value,
      owner,
      period,
    };
    setBusy(true);
    try {
      const saved = kpi ? await updateKpi(props.workspaceId, kpi.id, fields) : await addKpi(props.workspaceId, fields);
      toast(t('kpi.definitions.saved', { name: saved.name }));
      props.onOpenChange(false);
    } catch (error) {
      if (error instanceof NegativeTargetError) setErrors({ target: t('kpi.form.negativeTarget') });
      else toast.error(error instanceof TooManyKpisError ? t('kpi.definitions.tooMany', { max: 100 }) : t('kpi.errors.failed', { message: errorMessage(error) }));
    } finally {
      setBusy(false);
    }
  }

  const ratioErrorId = `${id}-ratio-error`;
  const select = <T extends string>(label: string, value: T, options: readonly T[], text: (option: T) => string, onChange: (value: T) => void, errorId?: string) => (
    <Field label={label}>
      {(control) => (
        <select {...control} className="input" value={value} aria-invalid={Boolean(errorId)} aria-describedby={errorId} onChange={(event) => onChange(event.target.value as T)}>
          {options.map((option) => (
            <option key={option} value={option}>
              {text(option)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label={t('kpi.form.name')} error={errors.name}>
        {(control) => <input {...control} className="input" value={name} autoFocus maxLength={200} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field label={t('kpi.form.description')}>
        {(control) => <textarea {...control} className="input" rows={2} maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </Field>
      {select(t('kpi.form.formulaType'), formulaType, FORMULA_TYPES, (option) => t(`kpi.form.formulaTypes.${option}`), setFormulaType)}
      {formulaType === 'metric' ? select(t('kpi.form.metric'), metric, METRICS, (option) => t(`kpi.metrics.${option}`), setMetric) : null}
      {formulaType === 'ratio' ? (
        <>
          {select(t('kpi.form.numerator'), numerator, METRICS, (option) => t(`kpi.metrics.${option}`), setNumerator, errors.ratio ? ratioErrorId : undefined)}
          {select(t('kpi.form.denominator'), denominator, METRICS, (option) => t(`kpi.metrics.${option}`), setDenominator, errors.ratio ? ratioErrorId : undefined)}
          {errors.ratio ? (
            <p id={ratioErrorId} className="field-error" role="alert">
              {errors.ratio}
            </p>
          ) : null}
        </>
      ) : null}
      {select(t('kpi.form.unit'), unit, KPI_UNITS, (option) => t(`kpi.units.${option}`), setUnit)}
      {select(t('kpi.form.direction'), direction, DIRECTIONS, (option) => t(`kpi.directions.${option}`), setDirection)}
      <Field label={t('kpi.form.target')} hint={t('kpi.form.targetHint')} error={errors.target}>
        {(control) => <input {...control} className="input" inputMode="decimal" value={target} onChange={(event) => setTarget(event.target.value)} />}
      </Field>
      {select(t('kpi.form.owner'), owner, KPI_OWNERS, (option) => t(`kpi.owners.${option}`), setOwner)}
      {select(t('kpi.form.period'), period, KPI_PERIODS, (option) => t(`kpi.periods.${option}`), setPeriod)}
      <DialogButtons onCancel={() => props.onOpenChange(false)} confirmLabel={kpi ? t('kpi.form.save') : t('kpi.form.add')} disabled={busy} />
    </form>
  );
}
