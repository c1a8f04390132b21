import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Finding } from '@shared/sla/checks';
import type { Commitment } from '@shared/sla/commitments';
import { findingMessage, type SlaFormat } from '../sla/format';
import { type FunnelSla, isSlaFinding, SEVERITY_ICON } from './checks';

/**
 * The funnel board's "Consistency checks" panel: every finding of the SLA checks, in the same
 * words as on the SLA page, with a way to the stage it is about and, for commitment problems,
 * to the SLA page where they are fixed.
 */
export function ChecksPanel(props: {
  findings: readonly Finding[];
  format: SlaFormat;
  sla: FunnelSla;
  commitments: readonly Commitment[];
  slaHref: string | null;
  names: ReadonlyMap<string, string>;
  onShowStage(stageId: string): void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const { findings } = props;
  return (
    <section className="funnel-panel funnel-checks" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t('funnel.checks.title')}</h2>
      <p className="muted">{props.sla ? t('funnel.checks.againstSla', { revision: props.sla.revision }) : t('funnel.checks.funnelOnly')}</p>
      {findings.length === 0 ? (
        <p>{t('funnel.checks.none')}</p>
      ) : (
        <ul className="funnel-findings" aria-label={t('funnel.checks.list', { count: findings.length })}>
          {findings.map((finding) => {
            const stageId = typeof finding.params.stageId === 'string' ? finding.params.stageId : null;
            const stageName = stageId ? props.names.get(stageId) : undefined;
            return (
              <li key={finding.id} className={`funnel-finding is-${finding.severity}`}>
                <strong>
                  <span aria-hidden="true">{SEVERITY_ICON[finding.severity]} </span>
                  {t(`sla.findings.${finding.severity}`)}:
                </strong>{' '}
                {findingMessage(props.format, finding, props.commitments)}
                {stageId && stageName !== undefined ? (
                  <>
                    {' '}
                    <button type="button" className="button small" onClick={() => props.onShowStage(stageId)}>
                      {t('funnel.checks.showStage', { name: stageName })}
                    </button>
                  </>
                ) : null}
                {props.slaHref && isSlaFinding(finding) ? (
                  <>
                    {' '}
                    <Link href={props.slaHref}>{t('funnel.checks.openSla')}</Link>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {props.slaHref && !props.sla ? (
        <p>
          <Link href={props.slaHref}>{t('funnel.checks.createSla')}</Link>
        </p>
      ) : null}
    </section>
  );
}
