import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { SlaVersion } from '@shared/sla/versions';
import { useApp } from '../../app/AppContext';
import { errorMessage } from '../../db/errors';
import { formatDateTime } from '../../i18n';
import { knownVersions, slaSealRequest, suggestedPdfName } from './exportRequest';
import { sealPdfOffThread, tooLargeToRead } from './pdfClient';
import { refusalText } from './refusalText';
import { TechnicalDetails } from '../../ui/TechnicalDetails';
import { PdfFilePicker } from './PdfFilePicker';

type Status = { tone: 'ok' | 'bad'; text: string; detail?: string } | null;

/**
 * Sealing after the fact, for hosts whose PDF export cannot seal (the browser: its print dialog
 * saves the file and gives the page no bytes). The manager picks the signed version and the PDF
 * they saved from the print dialog; the app embeds that version's signed content and metadata,
 * exactly as the desktop app does while exporting, and offers the sealed copy to save. A PDF that
 * already carries a seal is left alone.
 */
export function SealSavedPdf(props: { versions: readonly SlaVersion[] }) {
  const { t } = useTranslation();
  const { host, language } = useApp();
  const id = useId();
  const signed = props.versions.filter((version) => knownVersions([version]).length === 1);
  const [versionId, setVersionId] = useState(() => signed.at(-1)?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const version = signed.find((candidate) => candidate.id === versionId) ?? signed.at(-1);
  if (!version) return null;

  async function seal(file: File) {
    if (!version) return;
    setBusy(true);
    setStatus(null);
    try {
      const tooLarge = tooLargeToRead(file);
      if (tooLarge) {
        setStatus({ tone: 'bad', text: refusalText(t, tooLarge.refusal, language) });
        return;
      }
      const title = version.document.title || t('sla.defaultTitle');
      const request = await slaSealRequest(version, { title, subject: t('sla.print.kicker'), language });
      // Read, sealed and checked in a worker with a time budget (pdfClient): the file is the user's.
      const outcome = await sealPdfOffThread(await file.arrayBuffer(), request, knownVersions([version]));
      if (outcome.kind === 'already-sealed') {
        setStatus({ tone: 'bad', text: t('sla.seal.alreadySealed', { name: file.name }) });
        return;
      }
      if (outcome.kind === 'unreadable') {
        const { refusal, detail } = outcome.unreadable;
        setStatus(refusal ? { tone: 'bad', text: refusalText(t, refusal, language) } : { tone: 'bad', text: t('sla.verify.unreadable'), detail });
        return;
      }
      if (outcome.kind === 'not-verified') {
        setStatus({ tone: 'bad', text: t('sla.seal.notVerified') });
        return;
      }
      const name = suggestedPdfName(`${title} (${t('sla.seal.suffix')})`, version.revision);
      const { saved } = await host.savePdf(name, outcome.bytes);
      if (saved) {
        const text = t('sla.seal.done', { name, revision: version.revision });
        setStatus({ tone: 'ok', text });
        toast(text);
      }
    } catch (error) {
      setStatus({ tone: 'bad', text: t('sla.seal.failed', { message: errorMessage(error) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card sla-seal" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('sla.seal.title')}</h2>
      <p>{t('sla.seal.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-version`}>{t('sla.seal.version')}</label>
        <select id={`${id}-version`} className="input" value={version.id} onChange={(event) => setVersionId(event.target.value)}>
          {[...signed].reverse().map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {t('sla.seal.versionOption', {
                revision: candidate.revision,
                date: candidate.signedAt ? formatDateTime(candidate.signedAt, language) : '',
              })}
            </option>
          ))}
        </select>
      </div>
      <PdfFilePicker id={`${id}-file`} label={t('sla.seal.pick')} disabled={busy} onPick={(file) => void seal(file)} />
      <div role="status" aria-live="polite">
        {busy ? <p>{t('sla.seal.sealing')}</p> : null}
        {status ? (
          <div className={`sla-verdict sla-verdict-${status.tone}`}>
            <p>
              <strong>{status.text}</strong>
            </p>
            <TechnicalDetails detail={status.detail} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
