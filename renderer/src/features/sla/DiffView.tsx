import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { diff, type SlaDocument } from '@shared/sla/document';
import { sectionTitle } from './format';
import { itemLabel, useSlaFormat } from './SlaContent';

const show = (value: unknown): string => (value === undefined ? '—' : typeof value === 'string' ? `“${value}”` : JSON.stringify(value));

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
              <li key={`c-${change.type}-${change.id}`} className="diff-changed">
                <span className="diff-tag">{t('sla.diff.changed')}</span> <del>{itemLabel(signedFormat, change.before)}</del> → <ins>{itemLabel(format, change.after)}</ins>
              </li>
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
