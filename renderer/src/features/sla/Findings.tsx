import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Funnel } from '@shared/funnel/plan';
import { checkSla } from '@shared/sla/checks';
import { type SlaDocument, stagesOf } from '@shared/sla/document';
import type { SlaVersion } from '@shared/sla/versions';
import { findingMessage } from './format';
import { useSlaFormat } from './SlaContent';
import { commitmentsOf } from './slaStore';

/** The funnel a document was generated from (its stages and revenue plan), for the checks. */
export function funnelOfDocument(document: SlaDocument): Funnel {
  const marketing = document.sections.find((section) => section.key === 'marketingCommitments');
  const volumes = marketing?.generated.find((item) => item.type === 'requiredVolumes');
  return Funnel.parse({ stages: stagesOf(document), plan: volumes?.type === 'requiredVolumes' ? volumes.plan : {} });
}

/** The consistency checks of a version, as a list (the board shows each on its card too). */
export function Findings({ version }: { version: SlaVersion }) {
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
