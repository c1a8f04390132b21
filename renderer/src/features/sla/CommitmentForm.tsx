import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNNEL_PERIODS, type Stage, stageName } from '@shared/funnel/stages';
import {
  type Commitment,
  type CommitmentKind,
  FEEDBACK_CADENCES,
  FEEDBACK_CHANNELS,
  MAX_CODE_CHARS,
  MAX_LIST_ITEMS,
  MAX_RULES_CHARS,
  NUMBER_FIELDS,
  NUMBER_RULES,
  type NumberRule,
  REVIEW_CADENCES,
  SLA_OWNERS,
  updateCommitment,
} from '@shared/sla/commitments';
import type { Messages } from '@shared/locales/en';
import { isOneOf } from '@shared/oneOf';
import { useApp } from '../../app/AppContext';
import { formatNumber } from './format';
import type { MessageKey } from '../../i18n';

type FieldName = keyof Messages['sla']['commitments']['fields'];
type Choice = { value: string; key: MessageKey };

/** Each option with the key of its label, spelled out per list so that every key is checked. */
function choices<const O extends string>(options: readonly O[], key: (option: O) => MessageKey): Choice[] {
  return options.map((value) => ({ value, key: key(value) }));
}

type FieldSpec =
  | { name: FieldName; type: 'int' | 'number' | 'bool' | 'list' | 'text' | 'stage' }
  | { name: 'compliancePercent'; type: 'compliance' }
  | { name: FieldName; type: 'select'; options: readonly Choice[] };

const FIELDS: Record<CommitmentKind, FieldSpec[]> = {
  volume: [
    { name: 'count', type: 'int' },
    { name: 'period', type: 'select', options: choices(FUNNEL_PERIODS, (option) => `sla.periods.${option}`) },
    { name: 'stageId', type: 'stage' },
  ],
  quality: [
    { name: 'completenessPercent', type: 'number' },
    { name: 'requiredFields', type: 'list' },
  ],
  firstContact: [
    { name: 'withinHours', type: 'number' },
    { name: 'businessHours', type: 'bool' },
    { name: 'compliancePercent', type: 'compliance' },
    { name: 'stageId', type: 'stage' },
  ],
  attempts: [
    { name: 'attempts', type: 'int' },
    { name: 'days', type: 'int' },
  ],
  acceptReject: [
    { name: 'withinHours', type: 'number' },
    { name: 'businessHours', type: 'bool' },
    { name: 'compliancePercent', type: 'compliance' },
    { name: 'reasonCodes', type: 'list' },
    { name: 'stageId', type: 'stage' },
  ],
  recycle: [
    { name: 'nurtureDays', type: 'int' },
    { name: 'rules', type: 'text' },
  ],
  feedback: [
    { name: 'cadence', type: 'select', options: choices(FEEDBACK_CADENCES, (option) => `sla.cadences.${option}`) },
    { name: 'channel', type: 'select', options: choices(FEEDBACK_CHANNELS, (option) => `sla.channels.${option}`) },
  ],
  reviewCadence: [{ name: 'cadence', type: 'select', options: choices(REVIEW_CADENCES, (option) => `sla.cadences.${option}`) }],
};

function numberRule(field: string): NumberRule | undefined {
  return isOneOf(NUMBER_FIELDS, field) ? NUMBER_RULES[field] : undefined;
}

function parseField(spec: FieldSpec, raw: string): unknown {
  switch (spec.type) {
    case 'int':
    case 'number':
      return raw.trim() === '' ? Number.NaN : Number(raw);
    case 'compliance':
      // Blank is "every record" (100 %), the level a commitment has until one is set.
      return raw.trim() === '' ? 100 : Number(raw);
    case 'list':
      return raw
        .split(/[,、，]/)
        .map((item) => item.trim())
        .filter(Boolean);
    case 'stage':
      return raw === '' ? null : raw;
    default:
      return raw;
  }
}

/**
 * The form of one commitment (owner and the kind's measurable parameters), the SLA board's card
 * editor. `onChange` returns an error message when the patch is invalid.
 */
export function CommitmentForm(props: {
  commitment: Commitment;
  stages: readonly Stage[];
  readOnly: boolean;
  onChange(patch: Record<string, unknown>): string | null;
  /** The form's accessible name (default: the kind). */
  legend?: string;
}) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  // Per field: a refused value stays in its box, unsaved, until that field is saved or corrected;
  // saving another field must not take its message away.
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const { commitment } = props;
  const values = commitment as unknown as Record<string, unknown>;
  const kindLabel = t(`sla.kinds.${commitment.kind}`);
  const commit = (field: FieldSpec['name'] | 'owner', value: unknown) => {
    if (props.readOnly) return;
    const problem = props.onChange({ [field]: value });
    const name =
      field === 'compliancePercent' ? t('calendar.sla.complianceLabel') : field === 'owner' ? t('sla.commitments.owner') : t(`sla.commitments.fields.${field}`);
    setErrors((current) => {
      const { [field]: _previous, ...others } = current;
      return problem ? { ...others, [field]: wanted(field, name) } : others;
    });
  };
  /** What a refused value should have been, from the commitment's own rules. */
  const wanted = (field: FieldSpec['name'] | 'owner', name: string): string => {
    const number = (value: number) => formatNumber(value, language);
    const rule = numberRule(field);
    if (rule) {
      return rule.integer
        ? t('sla.commitments.invalidWhole', { field: name, min: number(rule.min), max: number(rule.max) })
        : t('sla.commitments.invalidPositive', { field: name, max: number(rule.max) });
    }
    if (field === 'requiredFields' || field === 'reasonCodes') {
      return t('sla.commitments.invalidList', { field: name, max: number(MAX_LIST_ITEMS), length: number(MAX_CODE_CHARS) });
    }
    if (field === 'rules') return t('sla.commitments.invalidText', { field: name, max: number(MAX_RULES_CHARS) });
    return t('sla.commitments.invalid', { field: name });
  };
  return (
    <fieldset className="sla-commitment" disabled={props.readOnly}>
      <legend>{props.legend ?? kindLabel}</legend>
      <div className="sla-commitment-fields">
        <div className="field">
          <label htmlFor={`${id}-owner`}>{t('sla.commitments.owner')}</label>
          <select id={`${id}-owner`} className="input" value={commitment.owner ?? ''} onChange={(event) => commit('owner', event.target.value || null)}>
            <option value="">{t('sla.commitments.unassigned')}</option>
            {SLA_OWNERS.map((owner) => (
              <option key={owner} value={owner}>
                {t(`sla.departments.${owner}`)}
              </option>
            ))}
          </select>
        </div>
        {FIELDS[commitment.kind].map((spec) => {
          const fieldId = `${id}-${spec.name}`;
          if (spec.type === 'compliance') {
            const text = String(values[spec.name] ?? 100);
            return (
              <div className="field" key={spec.name}>
                <label htmlFor={fieldId}>{t('calendar.sla.complianceLabel')}</label>
                <input
                  id={fieldId}
                  key={text}
                  className="input"
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={0}
                  max={100}
                  defaultValue={text}
                  aria-invalid={Boolean(errors[spec.name])}
                  aria-describedby={`${fieldId}-hint`}
                  onBlur={(event) => event.target.value !== text && commit(spec.name, parseField(spec, event.target.value))}
                />
                <p id={`${fieldId}-hint`} className="field-hint">
                  {t('calendar.sla.complianceHint')}
                </p>
              </div>
            );
          }
          const label = t(`sla.commitments.fields.${spec.name}`);
          const value = values[spec.name];
          if (spec.type === 'bool') {
            return (
              <div className="field field-inline" key={spec.name}>
                <input id={fieldId} type="checkbox" checked={Boolean(value)} onChange={(event) => commit(spec.name, event.target.checked)} />
                <label htmlFor={fieldId}>{label}</label>
              </div>
            );
          }
          if (spec.type === 'select' || spec.type === 'stage') {
            const options =
              spec.type === 'select'
                ? spec.options.map((option) => ({ value: option.value, label: t(option.key) }))
                : [
                    { value: '', label: t('sla.commitments.anyStage') },
                    ...props.stages.map((stage) => ({ value: stage.id, label: stageName(stage, language) || stage.id })),
                    ...(typeof value === 'string' && !props.stages.some((stage) => stage.id === value) ? [{ value, label: value }] : []),
                  ];
            return (
              <div className="field" key={spec.name}>
                <label htmlFor={fieldId}>{label}</label>
                <select id={fieldId} className="input" value={typeof value === 'string' ? value : ''} onChange={(event) => commit(spec.name, parseField(spec, event.target.value))}>
                  {options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
            );
          }
          const text = Array.isArray(value) ? value.join(', ') : String(value ?? '');
          return (
            <div className={spec.type === 'list' || spec.type === 'text' ? 'field field-wide' : 'field'} key={spec.name}>
              <label htmlFor={fieldId}>{label}</label>
              {spec.type === 'text' ? (
                <textarea
                  id={fieldId}
                  key={text}
                  className="input"
                  defaultValue={text}
                  rows={2}
                  onBlur={(event) => event.target.value !== text && commit(spec.name, parseField(spec, event.target.value))}
                />
              ) : (
                <input
                  id={fieldId}
                  key={text}
                  className="input"
                  type={spec.type === 'list' ? 'text' : 'number'}
                  inputMode={spec.type === 'list' ? undefined : spec.type === 'int' ? 'numeric' : 'decimal'}
                  step={spec.type === 'int' ? 1 : 'any'}
                  min={spec.type === 'list' ? undefined : (numberRule(spec.name)?.min ?? 0)}
                  max={spec.type === 'list' ? undefined : numberRule(spec.name)?.max}
                  defaultValue={text}
                  aria-invalid={Boolean(errors[spec.name])}
                  onBlur={(event) => event.target.value !== text && commit(spec.name, parseField(spec, event.target.value))}
                />
              )}
            </div>
          );
        })}
      </div>
      {Object.entries(errors).map(([field, message]) => (
        <p key={field} className="field-error" role="alert">
          {message}
        </p>
      ))}
    </fieldset>
  );
}

/** `onChange` for a {@link CommitmentForm}: saves the patched list, returns the validation error if any. */
export function commitmentPatcher(commitments: readonly Commitment[], id: string, onSave: (next: readonly Commitment[]) => void) {
  return (patch: Record<string, unknown>): string | null => {
    try {
      onSave(updateCommitment(commitments, id, patch));
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
}
