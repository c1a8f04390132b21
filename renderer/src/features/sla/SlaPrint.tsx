import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paper } from '@shared/pdf';
import type { Member } from '@shared/records/member';
import type { Workspace } from '@shared/records/workspace';
import { SLA_SECTION_KEYS } from '@shared/sla/document';
import type { SignatureImage } from '@shared/sla/versions';
import { useApp } from '../../app/AppContext';
import type { SlaVersionRow } from '../../db/db';
import { useUnchangedData } from '../../ui/sameData';
import { SlaFigureView, useSlaFigures } from '../diagrams/SlaFigures';
import { PrintLayout, printClasses } from '../print/PrintLayout';
import { usePrintPaper } from '../print/printContext';
import { usePrintReady } from '../print/usePrintReady';
import { department, formatDate, sectionTitle } from './format';
import { SectionGenerated } from './SlaContent';
import { preloadSlaFonts, primedSlaPrintData, readSlaPrintData } from './slaPrintData';
import './sla.css';

/** A drawn signature: a PNG, or SVG path data (validated by the schema: path commands only). */
function SignatureImageView({ image, label }: { image: SignatureImage; label: string }) {
  if (image.format === 'png') return <img src={image.data} alt={label} />;
  return (
    <svg viewBox={`0 0 ${image.width} ${image.height}`} role="img" aria-label={label} className="sla-signature-svg">
      <path d={image.data} fill="none" stroke="#000" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The SLA as a filed document: a cover (title, parties, version, validity, hash), the numbered
 * sections with their generated content and the users' text, and the signature blocks with the
 * drawn signatures. Two numbered figures, drawn from the version's own (signed) document: the
 * funnel in "Definitions" and the hand-off swimlanes in "Hand-off process". The page footer (page n / N, version, hash) is drawn by the PDF printer.
 */
export function SlaPrint(props: { workspaceId: string; versionId: string }) {
  const { t } = useTranslation();
  // The print entry reads the records before the first render (primeSlaPrintData): the view then
  // renders the document at once, and the live query's first answer (the same records) does not
  // render it again (useUnchangedData).
  const live = useLiveQuery(
    () => readSlaPrintData(props.workspaceId, props.versionId),
    [props.workspaceId, props.versionId],
    primedSlaPrintData(props.workspaceId, props.versionId),
  );
  const data = useUnchangedData(live);
  const { language } = useApp();
  // Before the browser lays the document out (once per data; the print entry has asked already for
  // the records it read before the first render).
  useLayoutEffect(() => {
    if (data) preloadSlaFonts(data, language);
  }, [data, language]);
  const missing = data !== undefined && (data.workspace === null || data.version === null);
  usePrintReady(Boolean(data && !missing), missing ? 'the SLA version does not exist' : null);
  const paper = usePrintPaper('sla');

  if (!data) return null;
  if (!data.workspace || !data.version) return <p role="alert">{t('workspace.notFound')}</p>;
  return <SlaPrintDocument workspace={data.workspace} version={data.version} members={data.members} paper={paper} />;
}

const SlaPrintDocument = memo(function SlaPrintDocument(props: { workspace: Workspace; version: SlaVersionRow; members: Member[]; paper: Paper }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const { version, members, workspace, paper } = props;
  const figures = useSlaFigures(version.document, paper);
  const document = version.document;
  const title = document.title || t('sla.defaultTitle');
  const state = t(`sla.states.${version.state}`);
  const signerRows = version.signers.map((memberId) => {
    const member = members.find((candidate) => candidate.id === memberId);
    const signature = version.signatures.find((candidate) => candidate.memberId === memberId);
    return { memberId, member, signature };
  });

  return (
    <PrintLayout kind="sla" title={title}>
      <article className="sla-print" lang={language}>
        <header className="sla-cover">
          <p className="sla-kicker">{t('sla.print.kicker')}</p>
          <h1>{title}</h1>
          <p className="sla-cover-workspace">{workspace.name}</p>
          <dl className="sla-cover-facts">
            <dt>{t('sla.print.parties')}</dt>
            <dd>
              <ul>
                {signerRows.map(({ memberId, member, signature }) => (
                  <li key={memberId}>
                    {department(t, signature?.department ?? member?.department ?? null)}: {signature?.name ?? member?.name ?? t('sla.signers.unknownMember')}
                    {(signature?.title ?? member?.title) ? `, ${signature?.title ?? member?.title}` : ''}
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('sla.print.version')}</dt>
            <dd>{t('sla.print.versionValue', { revision: version.revision, state })}</dd>
            <dt>{t('sla.print.validity')}</dt>
            <dd>
              {t('sla.doc.validity', {
                from: formatDate(document.validity.from, language) ?? t('sla.doc.open'),
                until: formatDate(document.validity.until, language) ?? t('sla.doc.open'),
              })}
            </dd>
            {version.hash ? (
              <>
                <dt>{t('sla.print.hash')}</dt>
                <dd>
                  <code className="sla-hash">{version.hash}</code>
                </dd>
              </>
            ) : null}
          </dl>
          <nav className="sla-toc" aria-label={t('sla.print.contents')}>
            <h2>{t('sla.print.contents')}</h2>
            <ol>
              {SLA_SECTION_KEYS.map((key) => (
                <li key={key}>{sectionTitle(t, key)}</li>
              ))}
            </ol>
          </nav>
        </header>
        {document.sections.map((section, index) => (
          <section key={section.key} className={`sla-print-section ${index === 0 ? printClasses.breakBefore : ''}`}>
            <h2 className={printClasses.keepWithNext}>
              {index + 1}. {sectionTitle(t, section.key)}
            </h2>
            {figures.has(section.key) ? (
              <>
                <p className={printClasses.keepWithNext}>{figures.get(section.key)!.reference}</p>
                <SlaFigureView figure={figures.get(section.key)!} paper={paper} />
              </>
            ) : null}
            <SectionGenerated document={document} section={section} />
            {section.text.trim() ? <p className="sla-user-text">{section.text}</p> : null}
            {section.key === 'signatures' ? (
              <div className="sla-signature-blocks">
                {signerRows.map(({ memberId, member, signature }) => (
                  <div key={memberId} className={`sla-signature-block ${printClasses.avoidBreak}`}>
                    <div className="sla-signature-image">
                      {signature ? <SignatureImageView image={signature.image} label={t('sla.print.signature')} /> : null}
                    </div>
                    <dl>
                      <dt>{t('sla.sign.name')}</dt>
                      <dd>{signature?.name ?? member?.name ?? ''}</dd>
                      <dt>{t('sla.sign.jobTitle')}</dt>
                      <dd>{signature?.title ?? member?.title ?? ''}</dd>
                      <dt>{t('sla.print.department')}</dt>
                      <dd>{department(t, signature?.department ?? member?.department ?? null)}</dd>
                      <dt>{t('sla.print.signedOn')}</dt>
                      <dd>{signature ? formatDate(signature.date, language) : t('sla.print.notSigned')}</dd>
                    </dl>
                  </div>
                ))}
              </div>
            ) : null}
          </section>
        ))}
      </article>
    </PrintLayout>
  );
});
