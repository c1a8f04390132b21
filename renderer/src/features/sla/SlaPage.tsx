import { useLiveQuery } from 'dexie-react-hooks';
import { type RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { DexieYProvider } from 'y-dexie';
import { Link, Redirect } from 'wouter';
import { checkSla } from '@shared/sla/checks';
import { jsonEqual } from '@shared/sla/canonical';
import { sameCalendar } from '@shared/calendar/calendar';
import { calendarOfDocument, generateSections, type SlaDocument } from '@shared/sla/document';
import { FrozenVersionError, isFrozen, VersionStateError } from '@shared/sla/versions';
import { useApp } from '../../app/AppContext';
import { db } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { loadCalendar } from '../calendar/calendarStore';
import { Breadcrumb, isLive, Loading, NotFound, useWorkspace } from '../../ui/WorkspaceGate';
import { slaExportRequest } from './exportRequest';
import { stagesOf } from '@shared/sla/document';
import { SlaDiagram } from './SlaDiagram';
import { DocumentStep } from './DocumentStep';
import { ReviewStep } from './ReviewStep';
import { VersionsStep } from './VersionsStep';
import { isSlaStep, SLA_STEPS, type SlaStep, stepFor, stepPath, type StepProps } from './steps';
import { Findings, funnelOfDocument } from './Findings';
import { useCommitmentHistory } from './useCommitmentHistory';
import { commitmentsOf, ensureVersion, type FunnelSource, listVersions, loadFunnel, regenerateVersion, saveDocument } from './slaStore';
import './sla.css';

export { funnelOfDocument };

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

/** The steps as links (each its own URL), the current one marked; Tab reaches each. */
function StepNav({ navRef, ...props }: { workspaceId: string; step: SlaStep; navRef: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('slaSteps.nav')} className="sla-steps" ref={navRef}>
      <ol>
        {SLA_STEPS.map((step, index) => (
          <li key={step}>
            <Link href={stepPath(props.workspaceId, step)} aria-current={step === props.step ? 'step' : undefined}>
              {t('slaSteps.step', { number: index + 1, step: t(`slaSteps.steps.${step}`) })}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * Where the draft's generated content comes from and whether it is stale (the funnel board or the
 * workspace calendar changed since), with the ways to bring it up to date while it is a draft.
 */
function GenerationNotes(
  props: StepProps & {
    funnel: FunnelSource | null;
    refreshFunnel(): Promise<FunnelSource>;
    calendar: Awaited<ReturnType<typeof loadCalendar>> | undefined;
    /** Only whether the document states the workspace's calendar (the Versions step). */
    calendarOnly?: boolean;
  },
) {
  const { t } = useTranslation();
  const { version, workspaceId, funnel, calendar } = props;
  const editable = version.state === 'draft' && !props.calendarOnly;
  return (
    <>
      {editable ? (
        <div className="toolbar sla-actions">
          <button
            type="button"
            className="button"
            onClick={() =>
              void props.run(async () => {
                const source = await props.refreshFunnel();
                // The calendar as the page has it (live): regenerating states it too.
                await regenerateVersion(workspaceId, version.id, source.funnel, undefined, undefined, calendar?.calendar);
              }, t('sla.actions.regenerated'))
            }
          >
            {t('sla.actions.regenerate')}
          </button>
          {funnel ? <span className="muted">{funnel.source === 'board' ? t('sla.funnelFromBoard') : t('sla.funnelDefault')}</span> : null}
        </div>
      ) : null}
      {funnel && editable && funnelChanged(version.document, funnel) ? (
        <p className="sla-note" role="note">
          {t('sla.funnelChanged')}
        </p>
      ) : null}
      {calendar && !calendarMatches(version.document, calendar.calendar) ? (
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
          {editable ? (
            <button
              type="button"
              className="button small"
              onClick={() =>
                void props.run(
                  () => regenerateVersion(workspaceId, version.id, funnelOfDocument(version.document), undefined, undefined, calendar.calendar),
                  t('calendar.sla.calendarUpdated'),
                )
              }
            >
              {t('calendar.sla.useWorkspaceCalendar')}
            </button>
          ) : null}
          <Link href={`/w/${workspaceId}/calendar`}>{t('calendar.open')}</Link>
        </div>
      ) : null}
    </>
  );
}

/**
 * The SLA of a workspace in four steps, each its own route: Commitments (the SLA board, edited in
 * place), Document (reading view, each section's own text edited on demand), Review & sign, and
 * Versions (history, diff, PDF, verify). Without a step (`/w/:id/sla`) it opens the step that
 * fits the current revision ({@link stepFor}). The page stays mounted from step to step, so the
 * commitments' undo history and the funnel watch carry over.
 */
export function SlaPage(props: { workspaceId: string; step?: string }) {
  const { t } = useTranslation();
  const { language, host } = useApp();
  const workspace = useWorkspace(props.workspaceId);
  const members = useLiveQuery(() => db.members.where('workspaceId').equals(props.workspaceId).toArray(), [props.workspaceId]);
  const versions = useLiveQuery(() => listVersions(props.workspaceId), [props.workspaceId]);
  const workspaceCalendar = useLiveQuery(() => loadCalendar(props.workspaceId, language), [props.workspaceId, language]);
  const [funnel, setFunnel] = useState<FunnelSource | null>(null);
  const id = useId();
  const step = isSlaStep(props.step) ? props.step : null;
  const stepNav = useRef<HTMLElement>(null);
  // "Next" sits at the bottom of a step: after it, the new step is read from its top (focus on its
  // link in the step navigation, scrolled into view), not from the bottom.
  const focusStepLink = useRef(false);
  useEffect(() => {
    if (!focusStepLink.current) return;
    focusStepLink.current = false;
    stepNav.current?.querySelector<HTMLElement>('[aria-current="step"]')?.focus();
  }, [step]);
  const latest = versions?.[versions.length - 1];
  useDocumentTitle(
    `${step ? `${t(`slaSteps.steps.${step}`)} — ` : ''}${t('sla.pageTitle')} — ${workspace?.name ?? t('app.loading')}`,
  );

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

  const currentCommitments = useMemo(() => (latest ? commitmentsOf(latest.document) : []), [latest]);
  const reportError = (error: unknown) => {
    if (error instanceof FrozenVersionError) toast.error(t('sla.errors.frozen'));
    else if (error instanceof VersionStateError && error.reason === 'no-signers') toast.error(t('sla.errors.noSigners'));
    else toast.error(t('sla.errors.failed', { message: errorMessage(error) }));
  };
  // Ctrl+Z undoes commitments only where they are shown: on the Commitments step.
  const history = useCommitmentHistory(
    latest?.id ?? '',
    currentCommitments,
    latest?.state === 'draft',
    (next) => {
      if (!latest) return;
      regenerateVersion(props.workspaceId, latest.id, funnel?.funnel ?? funnelOfDocument(latest.document), next).catch(reportError);
    },
    step === 'commitments',
  );

  if (props.step !== undefined && !step) return <NotFound title={t('app.notFound')} back={{ href: `/w/${props.workspaceId}/sla`, label: t('sla.open') }} />;
  if (workspace === undefined || versions === undefined || members === undefined) return <Loading />;
  if (!isLive(workspace)) return <NotFound />;
  const version = latest;
  if (!version) return <Loading />;
  if (!step) return <Redirect to={stepPath(props.workspaceId, stepFor(version.state))} replace />;

  async function run(action: () => Promise<unknown>, done?: string) {
    try {
      await action();
      if (done) toast(done);
    } catch (error) {
      reportError(error);
    }
  }
  const stepProps: StepProps = {
    workspaceId: props.workspaceId,
    version,
    versions,
    members,
    run,
    save: (document) => void run(() => saveDocument(props.workspaceId, version.id, document)),
    async exportPdf(target) {
      const title = target.document.title || t('sla.defaultTitle');
      await run(async () => {
        await host.exportPdf(await slaExportRequest(props.workspaceId, target, { title, subject: t('sla.print.kicker'), language }));
        // The browser's print dialog cannot embed the seal: say where to add it.
        if (!host.sealsExportedPdfs && isFrozen(target)) toast(t('sla.seal.afterPrint'), { duration: 12_000 });
      });
    },
  };
  const notes = (calendarOnly?: boolean) => (
    <GenerationNotes
      {...stepProps}
      calendarOnly={calendarOnly}
      funnel={funnel}
      calendar={workspaceCalendar}
      refreshFunnel={async () => {
        const source = await loadFunnel(props.workspaceId, language);
        setFunnel(source);
        return source;
      }}
    />
  );
  const editable = version.state === 'draft';
  const next = SLA_STEPS[SLA_STEPS.indexOf(step) + 1];

  return (
    <section aria-labelledby={`${id}-title`} className="page sla-page">
      <Breadcrumb workspace={workspace} />
      <div className="page-header">
        <h1 id={`${id}-title`}>{version.document.title || t('sla.defaultTitle')}</h1>
        <p className="sla-status">
          <span className={`sla-state sla-state-${version.state}`}>{t('sla.summary', { revision: version.revision, state: t(`sla.states.${version.state}`) })}</span>
        </p>
      </div>
      <StepNav workspaceId={props.workspaceId} step={step} navRef={stepNav} />
      {version.state === 'signed' ? (
        <p className="sla-frozen" role="note">
          {t('sla.frozen')}
        </p>
      ) : null}
      {version.state === 'in-review' ? (
        <p className="sla-note" role="note">
          {t('sla.inReview')}
        </p>
      ) : null}

      {step === 'commitments' ? (
        <>
          {editable ? <p className="muted">{t('slaSteps.commitments.intro')}</p> : null}
          {notes()}
          <SlaDiagram
            document={version.document}
            commitments={currentCommitments}
            findings={checkSla({ funnel: funnelOfDocument(version.document), commitments: currentCommitments })}
            stages={funnel?.funnel.stages ?? stagesOf(version.document)}
            readOnly={!editable}
            onSave={history.save}
            history={history}
          />
          <Findings version={version} />
        </>
      ) : null}
      {step === 'document' ? <DocumentStep {...stepProps} notes={notes()} /> : null}
      {step === 'review' ? <ReviewStep {...stepProps} /> : null}
      {step === 'versions' ? <VersionsStep {...stepProps} notes={notes(true)} /> : null}

      {next ? (
        <p className="sla-next">
          <Link href={stepPath(props.workspaceId, next)} className="button" onClick={() => {
              focusStepLink.current = true;
            }}>
            {t('slaSteps.next', { step: t(`slaSteps.steps.${next}`) })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
