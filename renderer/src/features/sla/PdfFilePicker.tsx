import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A labelled "Choose a PDF…" button for a PDF file, in the app's language. Chromium's own file
 * input says "Choose File" / "No file chosen" in the language of the operating system (English in
 * the Japanese UI on an English system), so the input is hidden behind the button, as the KPI import
 * and the persona photo do. `label` names the input (tests and assistive technology find it by it).
 */
export function PdfFilePicker(props: { id: string; label: string; disabled?: boolean; onPick(file: File): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId();
  return (
    <div className="field">
      <label id={labelId} htmlFor={props.id}>
        {props.label}
      </label>
      <div className="toolbar">
        <button type="button" className="button" aria-describedby={labelId} disabled={props.disabled} onClick={() => input.current?.click()}>
          {t('sla.choosePdf')}
        </button>
      </div>
      <input
        ref={input}
        id={props.id}
        type="file"
        accept="application/pdf,.pdf"
        hidden
        disabled={props.disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Emptied, so that picking the same file again (re-exported under the same name) is taken again.
          event.target.value = '';
          if (file) props.onPick(file);
        }}
      />
    </div>
  );
}
