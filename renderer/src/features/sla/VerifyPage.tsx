import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '@shared/pdfSeal/contract';
import { useApp } from '../../app/AppContext';
import { formatDateTime } from '../../i18n';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Breadcrumb, isLive, Loading, NotFound, useWorkspace } from '../../ui/WorkspaceGate';
import { type KnownSlaVersion, knownVersions } from './exportRequest';
import { formatList } from './format';
import { tooLargeToRead, verifyPdfOffThread } from './pdfClient';
import { refusalText } from './refusalText';
import { SealSavedPdf } from './SealSavedPdf';
import { TechnicalDetails } from '../../ui/TechnicalDetails';
import { listVersions } from './slaStore';
import './sla.css';
import { PdfFilePicker } from './PdfFilePicker';

type Outcome = { file: string; result: VerifyResult<KnownSlaVersion> } | { file: string; error: string };

/** A manager picks a PDF; it is checked against the workspace's signed SLA versions. */
export function VerifyPage(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { host, language } = useApp();
  const id = useId();
  const workspace = useWorkspace(props.workspaceId);
  const versions = useLiveQuery(() => listVersions(props.workspaceId), [props.workspaceId]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The check under way: a newer file or leaving the page stops its worker.
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  useDocumentTitle(t('sla.verify.title'));

  if (workspace === undefined || versions === undefined) return <Loading />;
  if (!isLive(workspace)) return <NotFound />;
  const known = knownVersions(versions);

  // Read in a worker with a time budget (pdfClient): a hostile file never freezes this page.
  async function check(file: File) {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    setOutcome(null);
    try {
      const tooLarge = tooLargeToRead(file);
      const result: VerifyResult<KnownSlaVersion> = tooLarge
        ? { status: 'unreadable', problem: 'unreadable', ...tooLarge }
        : await verifyPdfOffThread(await file.arrayBuffer(), known, { signal: controller.signal });
      if (!controller.signal.aborted) setOutcome({ file: file.name, result });
    } catch (error) {
      if (!controller.signal.aborted) setOutcome({ file: file.name, error: error instanceof Error ? error.message : String(error) });
    } finally {
      if (running.current === controller) {
        running.current = null;
        setBusy(false);
      }
    }
  }

  /** The verdict in the UI's language; `detail` is what the PDF reader said (English, technical), shown apart. */
  function message(result: VerifyResult<KnownSlaVersion>): { tone: 'ok' | 'bad' | 'unknown'; text: string; detail?: string } {
    switch (result.status) {
      case 'matches':
        return {
          tone: 'ok',
          text: t('sla.verify.matches', {
            revision: result.version.revision,
            signers: formatList(
              result.version.signers.map((signer) => (signer.title ? `${signer.name} (${signer.title})` : signer.name)),
              language,
            ),
            date: formatDateTime(String(result.version.signedAt), language),
          }),
        };
      case 'altered':
        return {
          tone: 'bad',
          ...(result.claimedVersion ? { text: t('sla.verify.alteredKnown', { revision: result.claimedVersion.revision }) } : { text: t('sla.verify.altered'), detail: result.detail }),
        };
      case 'unknown':
        return { tone: 'unknown', text: result.reason === 'no-seal' ? t('sla.verify.noSeal') : t('sla.verify.unknown') };
      case 'unreadable':
        return result.refusal
          ? { tone: 'bad', text: refusalText(t, result.refusal, language) }
          : { tone: 'bad', text: t('sla.verify.unreadable'), detail: result.detail };
    }
  }

  const shown = outcome ? ('error' in outcome ? { tone: 'bad' as const, text: t('sla.verify.unreadable'), detail: outcome.error } : message(outcome.result)) : null;

  return (
    <section aria-labelledby={`${id}-title`} className="page sla-page">
      <Breadcrumb workspace={workspace} trail={[{ href: `/w/${props.workspaceId}/sla`, label: t('sla.pageTitle') }]} />
      <h1 id={`${id}-title`}>{t('sla.verify.title')}</h1>
      <p>{t('sla.verify.intro')}</p>
      {known.length === 0 ? <p className="sla-note">{t('sla.verify.noSigned')}</p> : null}
      <PdfFilePicker id={`${id}-file`} label={t('sla.verify.pick')} onPick={(file) => void check(file)} />
      <div role="status" aria-live="polite" className="sla-verify-status">
        {busy ? <p>{t('sla.verify.checking')}</p> : null}
        {shown && outcome ? (
          <div className={`sla-verdict sla-verdict-${shown.tone}`} data-verdict={'error' in outcome ? 'unreadable' : outcome.result.status}>
            <p>{t('sla.verify.file', { name: outcome.file })}</p>
            <p>
              <strong>{shown.text}</strong>
            </p>
            <TechnicalDetails detail={shown.detail} />
          </div>
        ) : null}
      </div>
      {host.sealsExportedPdfs ? null : <SealSavedPdf versions={versions} />}
    </section>
  );
}
