import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { DexieYProvider } from 'y-dexie';
import { Link } from 'wouter';
import { printHash, printRoute } from '../../../../shared/pdf';
import { Funnel } from '../../../../shared/funnel/plan';
import { checkSla, hasErrors } from '../../../../shared/sla/checks';
import { jsonEqual } from '../../../../shared/sla/canonical';
import { sameCalendar } from '../../../../shared/calendar/calendar';
import {
  acknowledgeGenerated,
  calendarOfDocument,
  generateSections,
  type SlaDocument,
  SLA_SECTION_KEYS,
  setSectionText,
  setTitle,
  setValidity,
} from '../../../../shared/sla/document';
import {
  FrozenVersionError,
  isFrozen,
  lastSigned,
  returnToDraft,
  setSigners,
  submitForReview,
  type SlaVersion,
  VersionStateError,
} from '../../../../shared/sla/versions';
import { useApp } from '../../app/AppContext';
import { db } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { formatDateTime } from '../../i18n';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { loadCalendar } from '../calendar/calendarStore';
import { Breadcrumb, isLive, Loading, NotFound, useWorkspace } from '../../ui/WorkspaceGate';
import { CommitmentsEditor } from './CommitmentsEditor';
import { DiffView } from './DiffView';
import { slaExportRequest } from './exportRequest';
import { findingMessage, formatDate, sectionTitle } from './format';
import { stagesOf } from '../../../../shared/sla/document';
import { SectionGenerated, useSlaFormat } from './SlaContent';
import { SignDialog } from './SignDialog';
import { SlaDiagram } from './SlaDiagram';
import { useCommitmentHistory } from './useCommitmentHistory';
import { commitmentsOf, ensureVersion, type FunnelSource, listVersions, loadFunnel, regenerateVersion, saveDocument, signVersion, startNewRevision, updateVersion } from './slaStore';
import './sla.css';

/** The funnel a document was generated from (its stages and revenue plan), for the checks. */
export function funnelOfDocument(document: SlaDocument): Funnel {
  const marketing = document.sections.find((section) => section.key === 'marketingCommitments');
  const volumes = marketing?.generated.find((item) => item.type === 'requiredVolumes');
  return Funnel.parse({ stages: stagesOf(document), plan: volumes?.type === 'requiredVolumes' ? volumes.plan : {} });
}

/** Whether a document states the given working calendar. */
function calendarMatches(document: SlaDocument, calendar: Parameters<typeof sameCalendar>[0]): boolean {
  const stated = calendarOfDocument(document);
  return stated !== null && sameCalendar(stated, calendar);
}

/** True when regenerating from the current funnel would change the generated content. */
function funnelChanged(document: SlaDocument, source: FunnelSource): boolean {
  const fresh = generateSections(source.funnel, commitmentsOf(document), calendarOfDocument(document));
  return document.sections.some((section) => !jsonEqual(section.generated, fresh[section.key]));
}

function Findings({ version }: { version: SlaVersion }) {
  const { t } = useTranslation();
  const id = useId();
  const format = useSlaFormat(version.document);
  const commitments = commitmentsOf(version.document);
  const findings = checkSla({ funnel: funnelOfDocument(version.document), commitments });
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('sla.findings.title')}</h2>
      {findings.length === 0 ? (
        <p>{t('sla.findings.none')}</p>
      ) : (
        <ul className="sla-findings">
          {findings.map((finding) => (
            <li key={finding.id} className={`finding-${finding.severity}`}>
              <strong>{t(`sla.findings.${finding.severity}`)}:</strong> {findingMessage(format, finding, commitments)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SectionEditor(props: { version: SlaVersion; index: number; editable: boolean; save(document: SlaDocument): void }) {
  const { t } = useTranslation();
  const key = SLA_SECTION_KEYS[props.index]!;
  const section = props.version.document.sections[props.index]!;
  const headingId = `sla-section-${key}`;
  const textId = `sla-text-${key}`;
  const title = `${props.index + 1}. ${sectionTitle(t, key)}`;
  return (
    <section className="sla-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <SectionGenerated document={props.version.document} section={section} />
      {section.generated.length === 0 && key !== 'validity' ? <p className="muted">{t('sla.doc.nothingGenerated')}</p> : null}
      {section.generatedChanged ? (
        <div className="sla-changed" role="note">
          <p>{t('sla.doc.generatedChanged')}</p>
          {props.editable ? (
            <button type="button" className="button small" onClick={() => props.save(acknowledgeGenerated(props.version.document, key))}>
              {t('sla.actions.acknowledge')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={textId}>{t('sla.doc.yourText', { section: sectionTitle(t, key) })}</label>
        <textarea
          id={textId}
          key={`${props.version.id}:${section.text}`}
          defaultValue={section.text}
          readOnly={!props.editable}
          rows={Math.min(12, Math.max(3, section.text.split('\n').length + 1))}
          onBlur={(event) => {
            if (props.editable && event.target.value !== section.text) props.save(setSectionText(props.version.document, key, event.target.value));
          }}
        />
      </div>
    </section>
  );
}

export function SlaPage(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { language, host } = useApp();
  const workspace = useWorkspace(props.workspaceId);
  const members = useLiveQuery(() => db.members.where('workspaceId').equals(props.workspaceId).toArray(), [props.workspaceId]);
  const versions = useLiveQuery(() => listVersions(props.workspaceId), [props.workspaceId]);
  const workspaceCalendar = useLiveQuery(() => loadCalendar(props.workspaceId, language), [props.workspaceId, language]);
  const [funnel, setFunnel] = useState<FunnelSource | null>(null);
  const [signing, setSigning] = useState(false);
  const [validityError, setValidityError] = useState<string | null>(null);
  const id = useId();
  useDocumentTitle(`${t('sla.pageTitle')} — ${workspace?.name ?? t('app.loading')}`);

  // The funnel board (if any), watched live: its edits show up as "the funnel changed".
  const funnelBoard = useLiveQuery(
    async () =>
      (await db.boards.where('workspaceId').equals(props.workspaceId).toArray())
        .filter((board) => board.kind === 'funnel')
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0] ?? null,
    [props.workspaceId],
  );
  const funnelDoc = funnelBoard?.doc ?? null;
  useEffect(() => {
    if (funnelBoard === undefined) return;
    let live = true;
    const refresh = () => void loadFunnel(props.workspaceId, language).then((source) => live && setFunnel(source));
    refresh();
    if (!funnelDoc) {
      return () => {
        live = false;
      };
    }
    const provider = DexieYProvider.load(funnelDoc, { gracePeriod: 2_000 });
    void provider.whenLoaded.then(() => funnelDoc.on('update', refresh));
    return () => {
      live = false;
      funnelDoc.off('update', refresh);
      DexieYProvider.release(funnelDoc);
    };
    // Re-subscribe when the board appears or changes, not on every row update.
    // oxlint-disable-next-line react/exhaustive-deps
  }, [props.workspaceId, language, funnelBoard === undefined, funnelBoard?.id]);

  useEffect(() => {
    if (workspace && !workspace.deletedAt && versions && versions.length === 0) {
      ensureVersion(props.workspaceId, { language, title: t('sla.defaultTitle') }).catch((error: unknown) =>
        toast.error(t('sla.errors.failed', { message: errorMessage(error) })),
      );
    }
  }, [workspace, versions, props.workspaceId, language, t]);

  const latest = versions?.[versions.length - 1];
  const currentCommitments = useMemo(() => (latest ? commitmentsOf(latest.document) : []), [latest]);
  const reportError = (error: unknown) => {
    if (error instanceof FrozenVersionError) toast.error(t('sla.errors.frozen'));
    else if (error instanceof VersionStateError && error.reason === 'no-signers') toast.error(t('sla.errors.noSigners'));
    else toast.error(t('sla.errors.failed', { message: errorMessage(error) }));
  };
  const history = useCommitmentHistory(latest?.id ?? '', currentCommitments, latest?.state === 'draft', (next) => {
    if (!latest) return;
    regenerateVersion(props.workspaceId, latest.id, funnel?.funnel ?? funnelOfDocument(latest.document), next).catch(reportError);
  });

  if (workspace === undefined || versions === undefined || members === undefined) return <Loading />;
  if (!isLive(workspace)) return <NotFound />;
  const version = versions[versions.length - 1];
  if (!version) return <Loading />;

  const editable = version.state === 'draft';
  const signed = lastSigned(versions);
  const memberName = (memberId: string) => members.find((member) => member.id === memberId)?.name ?? t('sla.signers.unknownMember');

  async function run(action: () => Promise<unknown>, done?: string) {
    try {
      await action();
      if (done) toast(done);
    } catch (error) {
      reportError(error);
    }
  }
  const save = (document: SlaDocument) => void run(() => saveDocument(props.workspaceId, version.id, document));
  const saveCommitments = history.save;

  async function exportPdf(target: SlaVersion) {
    const title = target.document.title || t('sla.defaultTitle');
    await run(async () => {
      await host.exportPdf(await slaExportRequest(props.workspaceId, target, { title, subject: t('sla.print.kicker'), language }));
      // The browser's print dialog cannot embed the seal: say where to add it.
      if (!host.sealsExportedPdfs && isFrozen(target)) toast(t('sla.seal.afterPrint'), { duration: 12_000 });
    });
  }

  const stateLabel = t(`sla.states.${version.state}`);
  return (
    <section aria-labelledby={`${id}-title`} className="page sla-page">
      <Breadcrumb workspace={workspace} />
      <div className="page-header">
        <h1 id={`${id}-title`}>{version.document.title || t('sla.defaultTitle')}</h1>
        <div className="toolbar">
          <Link href={`/w/${props.workspaceId}/sla/verify`} className="button">
            {t('sla.verifyOpen')}
          </Link>
        </div>
      </div>
      <p className="sla-status">
        <span className={`sla-state sla-state-${version.state}`}>{t('sla.summary', { revision: version.revision, state: stateLabel })}</span>
      </p>
      {version.state === 'signed' ? (
        <div className="sla-frozen" role="note">
          <p>{t('sla.frozen')}</p>
          {version.signedAt ? <p>{t('sla.signedAt', { date: formatDateTime(version.signedAt, language) })}</p> : null}
          <p>
            {t('sla.hash')}: <code className="sla-hash" data-testid="sla-hash">{version.hash}</code>
          </p>
        </div>
      ) : null}
      {version.state === 'in-review' ? (
        <p className="sla-note" role="note">
          {t('sla.inReview')}
        </p>
      ) : null}

      <div className="toolbar sla-actions">
        {version.state === 'draft' ? (
          <>
            <button
              type="button"
              className="button primary"
              onClick={() => {
                if (hasErrors(checkSla({ funnel: funnelOfDocument(version.document), commitments: commitmentsOf(version.document) }))) {
                  toast.error(t('sla.errors.hasErrors'));
                  return;
                }
                void run(() => updateVersion(props.workspaceId, version.id, submitForReview));
              }}
            >
              {t('sla.actions.submit')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() =>
                void run(async () => {
                  const source = await loadFunnel(props.workspaceId, language);
                  setFunnel(source);
                  // The calendar as the page has it (live): regenerating states it too.
                  await regenerateVersion(props.workspaceId, version.id, source.funnel, undefined, undefined, workspaceCalendar?.calendar);
                }, t('sla.actions.regenerated'))
              }
            >
              {t('sla.actions.regenerate')}
            </button>
          </>
        ) : null}
        {version.state === 'in-review' ? (
          <>
            <button type="button" className="button primary" onClick={() => setSigning(true)}>
              {t('sla.actions.sign')}
            </button>
            <button type="button" className="button" onClick={() => void run(() => updateVersion(props.workspaceId, version.id, returnToDraft))}>
              {t('sla.actions.returnToDraft')}
            </button>
          </>
        ) : null}
        {version.state === 'signed' ? (
          <button type="button" className="button primary" onClick={() => void run(() => startNewRevision(props.workspaceId))}>
            {t('sla.actions.newRevision')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => void exportPdf(version)}>
          {t('sla.actions.exportPdf')}
        </button>
        {/* In this window, with a bar to come back: the desktop app opens no new windows. */}
        <a className="button" href={printHash(printRoute('sla', props.workspaceId, version.id), 'A4', { view: true })}>
          {t('sla.actions.print')}
        </a>
      </div>
      {funnel && editable ? <p className="muted">{funnel.source === 'board' ? t('sla.funnelFromBoard') : t('sla.funnelDefault')}</p> : null}
      {funnel && editable && funnelChanged(version.document, funnel) ? (
        <p className="sla-note" role="note">
          {t('sla.funnelChanged')}
        </p>
      ) : null}
      {workspaceCalendar && !calendarMatches(version.document, workspaceCalendar.calendar) ? (
        <div className="sla-note" role="note">
          <p>
            {calendarOfDocument(version.document) === null
              ? version.state === 'draft'
                ? t('calendar.sla.draftNone')
                : t('calendar.sla.noCalendar')
              : version.state === 'draft'
                ? t('calendar.sla.draftDiffers')
                : version.state === 'signed'
                  ? t('calendar.signedNotice', { revision: version.revision })
                  : t('calendar.sla.reviewDiffers')}
          </p>
          {version.state === 'draft' ? (
            <button
              type="button"
              className="button small"
              onClick={() =>
                void run(
                  () => regenerateVersion(props.workspaceId, version.id, funnelOfDocument(version.document), undefined, undefined, workspaceCalendar.calendar),
                  t('calendar.sla.calendarUpdated'),
                )
              }
            >
              {t('calendar.sla.useWorkspaceCalendar')}
            </button>
          ) : null}
          <Link href={`/w/${props.workspaceId}/calendar`}>{t('calendar.open')}</Link>
        </div>
      ) : null}

      {signed && signed.id !== version.id ? <DiffView signed={signed.document} signedRevision={signed.revision} draft={version.document} /> : null}

      <section className="card" aria-labelledby={`${id}-signers`}>
        <h2 id={`${id}-signers`}>{t('sla.signers.title')}</h2>
        <p className="muted">{t('sla.signers.hint')}</p>
        {members.length === 0 ? <p>{t('sla.signers.noMembers')}</p> : null}
        {editable && members.length > 0 ? (
          <fieldset className="sla-signers">
            <legend className="visually-hidden">{t('sla.signers.title')}</legend>
            {members.map((member) => (
              <label key={member.id}>
                <input
                  type="checkbox"
                  checked={version.signers.includes(member.id)}
                  onChange={(event) =>
                    void run(() =>
                      updateVersion(props.workspaceId, version.id, (current, now) =>
                        setSigners(current, event.target.checked ? [...current.signers, member.id] : current.signers.filter((signer) => signer !== member.id), now),
                      ),
                    )
                  }
                />{' '}
                {member.name} ({t(`sla.departments.${member.department}`)}
                {member.title ? ` · ${member.title}` : ''})
              </label>
            ))}
          </fieldset>
        ) : (
          <ul className="sla-signer-status">
            {version.signers.map((signerId) => {
              const signature = version.signatures.find((candidate) => candidate.memberId === signerId);
              return (
                <li key={signerId}>
                  {signature
                    ? t('sla.signers.signedBy', { name: signature.name, date: formatDate(signature.date, language) ?? '' })
                    : t('sla.signers.waiting', { name: memberName(signerId) })}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby={`${id}-details`}>
        <h2 id={`${id}-details`}>{t('sla.details')}</h2>
        <div className="sla-details">
          <div className="field">
            <label htmlFor={`${id}-doc-title`}>{t('sla.titleField')}</label>
            <input
              id={`${id}-doc-title`}
              key={`${version.id}:${version.document.title}`}
              defaultValue={version.document.title}
              readOnly={!editable}
              maxLength={200}
              onBlur={(event) => {
                if (editable && event.target.value.trim() !== version.document.title) save(setTitle(version.document, event.target.value));
              }}
            />
          </div>
          {(['from', 'until'] as const).map((end) => (
            <div className="field" key={end}>
              <label htmlFor={`${id}-valid-${end}`}>{end === 'from' ? t('sla.validFrom') : t('sla.validUntil')}</label>
              <input
                id={`${id}-valid-${end}`}
                type="date"
                value={version.document.validity[end] ?? ''}
                readOnly={!editable}
                aria-invalid={Boolean(validityError)}
                onChange={(event) => {
                  if (!editable) return;
                  try {
                    save(setValidity(version.document, { [end]: event.target.value || null }));
                    setValidityError(null);
                  } catch {
                    setValidityError(t('sla.validityInvalid'));
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

      <CommitmentsEditor
        commitments={currentCommitments}
        stages={funnel?.funnel.stages ?? stagesOf(version.document)}
        readOnly={!editable}
        onSave={saveCommitments}
      />

      <SlaDiagram
        document={version.document}
        commitments={currentCommitments}
        findings={checkSla({ funnel: funnelOfDocument(version.document), commitments: currentCommitments })}
        stages={funnel?.funnel.stages ?? stagesOf(version.document)}
        readOnly={!editable}
        onSave={saveCommitments}
        history={history}
      />

      <Findings version={version} />

      <section className="card sla-document" aria-labelledby={`${id}-document`}>
        <h2 id={`${id}-document`}>{t('sla.pageTitle')}</h2>
        {SLA_SECTION_KEYS.map((key, index) => (
          <SectionEditor key={key} version={version} index={index} editable={editable} save={save} />
        ))}
      </section>

      <section className="card" aria-labelledby={`${id}-history`}>
        <h2 id={`${id}-history`}>{t('sla.history.title')}</h2>
        <ul className="sla-history">
          {[...versions].reverse().map((item) => (
            <li key={item.id}>
              {t('sla.history.item', { revision: item.revision, state: t(`sla.states.${item.state}`) })}
              {item.id === version.id ? ` (${t('sla.history.current')})` : ''}
              {isFrozen(item) ? (
                <>
                  {' '}
                  <code className="sla-hash">{item.hash}</code>{' '}
                  <button type="button" className="button small" onClick={() => void exportPdf(item)}>
                    {t('sla.actions.exportPdf')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {version.state === 'in-review' ? (
        <SignDialog
          open={signing}
          onOpenChange={setSigning}
          version={version}
          members={members}
          onSign={async (signature) => {
            const next = await signVersion(props.workspaceId, version.id, signature);
            toast(next.state === 'signed' ? t('sla.sign.allSigned') : t('sla.sign.done', { name: signature.name }));
          }}
        />
      ) : null}
    </section>
  );
}
