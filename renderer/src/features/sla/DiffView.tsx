import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { diff, type FieldChange, type ItemChange, type SlaDocument } from '@shared/sla/document';
import { isOneOf } from '@shared/oneOf';
import { department, formatExact, formatList, sectionTitle, stageLabel, type SlaFormat } from './format';
import { itemLabel, useSlaFormat } from './SlaContent';

const show = (value: unknown): string => (value === undefined ? '—' : typeof value === 'string' ? `“${value}”` : JSON.stringify(value));

/** The fields a changed item's details name (the last segment of a change's path). */
const FIELD_NAMES = [
  'name',
  'entryDefinition',
  'owner',
  'kind',
  'targetVolume',
  'conversionRate',
  'period',
  'target',
  'unit',
  'direction',
  'per',
  'withinDays',
  'metric',
  'department',
  'stageIds',
  'commitmentIds',
  'fromOwner',
  'toOwner',
  'plan',
  'deals',
  'rows',
  'problems',
] as const;
const DEPARTMENT_FIELDS = ['owner', 'department', 'fromOwner', 'toOwner'] as const;
const PERIODS = ['month', 'quarter'] as const;

function fieldName(format: SlaFormat, path: string): string {
  const last = path.split('.').pop() ?? path;
  return isOneOf(FIELD_NAMES, last) ? format.t(`sla.diff.fields.${last}`) : path;
}

/** A changed field's value in words; null when it is not worth spelling out (whole tables). */
function fieldValue(format: SlaFormat, path: string, value: unknown): string | null {
  const { t, language } = format;
  const last = path.split('.').pop() ?? path;
  if (value === undefined || value === null || value === '') return t('sla.diff.unset');
  if (isOneOf(DEPARTMENT_FIELDS, last) && typeof value === 'string') return department(t, value);
  if ((last === 'period' || last === 'per') && typeof value === 'string' && isOneOf(PERIODS, value)) return t(`sla.periods.${value}`);
  if (last === 'conversionRate' && typeof value === 'number') return formatExact(value, language, { style: 'percent' });
  if (last === 'stageIds' && Array.isArray(value)) return formatList(value.map((id) => stageLabel(format, String(id))), language);
  if (typeof value === 'number') return formatExact(value, language);
  if (typeof value === 'string') return t('sla.diff.quoted', { text: value });
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** One changed field: "MQL definition: “…50 points” → “…60 points”" (or just its name for whole tables). */
function fieldLine(before: SlaFormat, after: SlaFormat, change: FieldChange): string {
  const name = fieldName(after, change.path);
  const from = fieldValue(before, change.path, change.before);
  const to = fieldValue(after, change.path, change.after);
  return from === null || to === null ? after.t('sla.diff.fieldChanged', { field: name }) : after.t('sla.diff.field', { path: name, before: from, after: to });
}

/**
 * A changed item: its label (old → new when the label itself changed) and, below, what changed in
 * it field by field, unless the new label already says everything (a commitment's or the
 * calendar's sentence holds all its fields).
 */
function ChangedItem({ change, format, signedFormat }: { change: ItemChange; format: SlaFormat; signedFormat: SlaFormat }) {
  const { t } = format;
  const before = itemLabel(signedFormat, change.before);
  const after = itemLabel(format, change.after);
  const sentence = change.type === 'commitment' || change.type === 'calendar';
  const details = before !== after && sentence ? [] : change.changes;
  return (
    <li className="diff-changed">
      <span className="diff-tag">{t('sla.diff.changed')}</span>{' '}
      {before === after ? (
        after
      ) : (
        <>
          <del>{before}</del> → <ins>{after}</ins>
        </>
      )}
      {details.length > 0 ? (
        <ul className="diff-fields">
          {details.map((field) => (
            <li key={field.path}>{fieldLine(signedFormat, format, field)}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** What changed in the draft since the last signed version, section by section. */
export function DiffView(props: { signed: SlaDocument; signedRevision: number; draft: SlaDocument }) {
  const { t } = useTranslation();
  const id = useId();
  const format = useSlaFormat(props.draft);
  const signedFormat = useSlaFormat(props.signed);
  const changes = diff(props.signed, props.draft);
  return (
    <section className="card sla-diff" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('sla.diff.title', { revision: props.signedRevision })}</h2>
      {!changes.changed ? <p>{t('sla.diff.none')}</p> : null}
      {changes.fields.map((field) => (
        <p key={field.path}>{t('sla.diff.titleChanged', { before: String(field.before ?? ''), after: String(field.after ?? '') })}</p>
      ))}
      {changes.sections.map((section) => (
        <section key={section.key} className="sla-diff-section">
          <h3>{sectionTitle(t, section.key)}</h3>
          <ul>
            {section.fields.map((field) => (
              <li key={field.path} className="diff-changed">
                {t('sla.diff.field', { path: field.path, before: show(field.before), after: show(field.after) })}
              </li>
            ))}
            {section.added.map((item) => (
              <li key={`a-${item.type}-${item.id}`} className="diff-added">
                <span className="diff-tag">{t('sla.diff.added')}</span> {itemLabel(format, item)}
              </li>
            ))}
            {section.removed.map((item) => (
              <li key={`r-${item.type}-${item.id}`} className="diff-removed">
                <span className="diff-tag">{t('sla.diff.removed')}</span> <del>{itemLabel(signedFormat, item)}</del>
              </li>
            ))}
            {section.changed.map((change) => (
              <ChangedItem key={`c-${change.type}-${change.id}`} change={change} format={format} signedFormat={signedFormat} />
            ))}
            {section.reordered ? <li>{t('sla.diff.reordered')}</li> : null}
          </ul>
          {section.text ? (
            <div className="diff-text" role="group" aria-label={t('sla.diff.text')}>
              {section.text.lines.map((line, index) =>
                line.op === 'added' ? (
                  <ins key={index}>+ {line.text}</ins>
                ) : line.op === 'removed' ? (
                  <del key={index}>− {line.text}</del>
                ) : (
                  <span key={index}>{'  '}{line.text}</span>
                ),
              )}
            </div>
          ) : null}
        </section>
      ))}
    </section>
  );
}
