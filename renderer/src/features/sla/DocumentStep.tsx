import { type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printHash, printRoute } from '@shared/pdf';
import { acknowledgeGenerated, SLA_SECTION_KEYS, setSectionText, setTitle, setValidity } from '@shared/sla/document';
import { DateField } from '../../ui/DateField';
import { formatDateText } from '../../ui/dateText';
import { composing } from '../../ui/shortcuts/keys';
import { sectionTitle } from './format';
import { SectionGenerated } from './SlaContent';
import type { StepProps } from './steps';

/**
 * One section as it reads in the document: the generated content, then the user's own text. In a
 * draft its Edit button opens the "Your text" box (saved when it loses focus, as everywhere on the
 * page); Done or Escape closes it and focus returns to Edit.
 */
function Section(props: StepProps & { index: number; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const key = SLA_SECTION_KEYS[props.index]!;
  const { version } = props;
  const section = version.document.sections[props.index]!;
  const headingId = `sla-section-${key}`;
  const textId = `sla-text-${key}`;
  const name = sectionTitle(t, key);
  const open = props.editable && editing;
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => toggle.current?.focus());
  };
  return (
    <section className="sla-section" aria-labelledby={headingId}>
      <div className="sla-section-head">
        <h3 id={headingId}>{`${props.index + 1}. ${name}`}</h3>
        {props.editable ? (
          <button
            ref={toggle}
            type="button"
            className="button small"
            aria-expanded={open}
            aria-controls={open ? textId : undefined}
            aria-label={open ? t('slaSteps.document.doneSection', { section: name }) : t('slaSteps.document.editSection', { section: name })}
            onClick={() => (open ? close() : setEditing(true))}
          >
            {open ? t('slaSteps.document.done') : t('slaSteps.document.edit')}
          </button>
        ) : null}
      </div>
      <SectionGenerated document={version.document} section={section} />
      {section.generated.length === 0 && key !== 'validity' && !section.text ? <p className="muted">{t('sla.doc.nothingGenerated')}</p> : null}
      {section.generatedChanged ? (
        <div className="sla-changed" role="note">
          <p>{t('sla.doc.generatedChanged')}</p>
          {props.editable ? (
            <button type="button" className="button small" onClick={() => props.save(acknowledgeGenerated(version.document, key))}>
              {t('sla.actions.acknowledge')}
            </button>
          ) : null}
        </div>
      ) : null}
      {open ? (
        <div className="field">
          <label htmlFor={textId}>{t('sla.doc.yourText', { section: name })}</label>
          <textarea
            id={textId}
            // Not keyed on the text: a save must not re-create (and re-focus) the open box.
            key={version.id}
            defaultValue={section.text}
            // The box appears because the user asked for it: typing starts at once.
            // oxlint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            rows={Math.min(12, Math.max(3, section.text.split('\n').length + 1))}
            onBlur={(event) => {
              if (event.target.value !== section.text) props.save(setSectionText(version.document, key, event.target.value));
            }}
            onKeyDown={(event) => {
              // Escape while an IME composes cancels the conversion, not the editing.
              if (event.key !== 'Escape' || composing(event.nativeEvent)) return;
              event.preventDefault();
              // Blurring saves; then the box closes.
              event.currentTarget.blur();
              close();
            }}
          />
        </div>
      ) : section.text ? (
        <div className="sla-user-text">{section.text}</div>
      ) : null}
    </section>
  );
}

/** The Document step: title and validity, then the generated document section by section. */
export function DocumentStep(props: StepProps & { notes: ReactNode }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [validityError, setValidityError] = useState<string | null>(null);
  const { version, workspaceId } = props;
  const editable = version.state === 'draft';
  return (
    <>
      {editable ? <p className="muted">{t('slaSteps.document.intro')}</p> : null}
      {props.notes}
      <section className="card" aria-labelledby={`${id}-details`}>
        <h2 id={`${id}-details`}>{t('sla.details')}</h2>
        <div className="sla-details">
          <div className="field">
            <label htmlFor={`${id}-doc-title`}>{t('sla.titleField')}</label>
            <input
              id={`${id}-doc-title`}
              className="input"
              key={`${version.id}:${version.document.title}`}
              defaultValue={version.document.title}
              readOnly={!editable}
              maxLength={200}
              onBlur={(event) => {
                if (editable && event.target.value.trim() !== version.document.title) props.save(setTitle(version.document, event.target.value));
              }}
            />
          </div>
          {(['from', 'until'] as const).map((end) => (
            <div className="field" key={end}>
              <label htmlFor={`${id}-valid-${end}`}>{end === 'from' ? t('sla.validFrom') : t('sla.validUntil')}</label>
              <DateField
                id={`${id}-valid-${end}`}
                value={version.document.validity[end] ?? ''}
                readOnly={!editable}
                aria-invalid={Boolean(validityError)}
                onChange={(value) => {
                  if (!editable) return;
                  try {
                    props.save(setValidity(version.document, { [end]: value || null }));
                    setValidityError(null);
                  } catch {
                    // Refused: the field shows the stored date again, and this says which was not kept.
                    const both = { ...version.document.validity, [end]: value };
                    setValidityError(
                      t('sla.validityInvalid', {
                        from: formatDateText(both.from ?? '', 'date', i18n.language),
                        until: formatDateText(both.until ?? '', 'date', i18n.language),
                        field: end === 'from' ? t('sla.validFrom') : t('sla.validUntil'),
                      }),
                    );
                    return false;
                  }
                }}
              />
            </div>
          ))}
        </div>
        {validityError ? (
          <p className="field-error" role="alert">
            {validityError}
          </p>
        ) : null}
      </section>

      <section className="card sla-document" aria-labelledby={`${id}-document`}>
        <div className="sla-section-head">
          <h2 id={`${id}-document`}>{t('slaSteps.steps.document')}</h2>
          {/* In this window, with a bar to come back: the desktop app opens no new windows. */}
          <a className="button small" href={printHash(printRoute('sla', workspaceId, version.id), 'A4', { view: true })}>
            {t('sla.actions.print')}
          </a>
        </div>
        {SLA_SECTION_KEYS.map((key, index) => (
          <Section key={key} {...props} index={index} editable={editable} />
        ))}
      </section>
    </>
  );
}
