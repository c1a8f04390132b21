import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { SLA_SECTION_KEYS, type SlaDocument } from '@shared/sla/document';
import type { SignatureImage } from '@shared/sla/versions';
import { useApp } from '../../app/AppContext';
import { db } from '../../db/db';
import { SlaFigureView, useSlaFigures } from '../diagrams/SlaFigures';
import { PrintLayout, printClasses } from '../print/PrintLayout';
import { usePrintPaper } from '../print/printContext';
import { textOf } from '../../theme/fonts';
import { preloadFontsForText } from '../print/printFonts';
import { usePrintReady } from '../print/usePrintReady';
import { department, formatDate, sectionTitle } from './format';
import { SectionGenerated } from './SlaContent';
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

/** Signs the generated SLA text writes outside its wording (SlaContent: targets). */
const GENERATED_SIGNS = '≥≤';

/** No document yet (loading): no figures. */
const EMPTY_DOCUMENT: SlaDocument = { schemaVersion: 1, title: '', validity: { from: null, until: null }, sections: [] };

/**
 * The SLA as a filed document: a cover (title, parties, version, validity, hash), the numbered
 * sections with their generated content and the users' text, and the signature blocks with the
 * drawn signatures. Two numbered figures, drawn from the version's own (signed) document: the
 * funnel in "Definitions" and the hand-off swimlanes in "Hand-off process". The page footer (page n / N, version, hash) is drawn by the PDF printer.
 */
export function SlaPrint(props: { workspaceId: string; versionId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const data = useLiveQuery(async () => {
    const [workspace, version, members] = await Promise.all([
      db.workspaces.get(props.workspaceId),
      db.slaVersions.get([props.workspaceId, props.versionId]),
      db.members.where('workspaceId').equals(props.workspaceId).toArray(),
    ]);
    if (version) {
      // The fonts of its text start loading now, while the view renders (see preloadFontsForText):
      // the version's own text, the names, and the SLA wording it is set in (regular and bold),
      // with the signs SectionGenerated writes itself.
      const text = [
        textOf(version.document),
        textOf(members.map((member) => [member.name, member.title])),
        workspace?.name ?? '',
        textOf(t('sla', { returnObjects: true })),
        GENERATED_SIGNS,
      ].join('\n');
      // Bold: the headings, and the signs of the whole text (tables set some in bold); not every
      // kanji of the wording twice.
      const headings = [version.document.title, t('sla.defaultTitle'), textOf(t('sla.sections', { returnObjects: true })), textOf(t('sla.print', { returnObjects: true }))];
      const signs = [...new Set(text)].filter((char) => char.codePointAt(0)! < 0x3000).join('');
      preloadFontsForText(text, [...headings, signs].join('\n'));
    }
    return { workspace: workspace ?? null, version: version ?? null, members };
  }, [props.workspaceId, props.versionId]);
  const missing = data !== undefined && (data.workspace === null || data.version === null);
  usePrintReady(Boolean(data && !missing), missing ? 'the SLA version does not exist' : null);
  const paper = usePrintPaper('sla');
  const figures = useSlaFigures(data?.version?.document ?? EMPTY_DOCUMENT, paper);

  if (!data) return null;
  if (!data.workspace || !data.version) return <p role="alert">{t('workspace.notFound')}</p>;
  const { version, members, workspace } = data;
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
}
