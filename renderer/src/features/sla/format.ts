import type { TFunction } from 'i18next';
import { type Stage, stageName } from '../../../../shared/funnel/stages';
import type { Language } from '../../../../shared/settings';
import type { Finding } from '../../../../shared/sla/checks';
import { type Commitment, complianceOf } from '../../../../shared/sla/commitments';
import type { SlaSectionKey } from '../../../../shared/sla/document';

/** Everything the SLA text needs to turn codes and ids into the reader's language. */
export type SlaFormat = {
  t: TFunction;
  language: Language;
  stages: readonly Stage[];
};

export function formatNumber(value: number, language: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(language, options).format(value);
}

export function formatDate(date: string | null, language: string): string | null {
  if (!date) return null;
  // A calendar date (YYYY-MM-DD) is shown as that day wherever the reader is.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: /^\d{4}-\d{2}-\d{2}$/.test(date) ? 'UTC' : undefined }).format(new Date(iso));
}

export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}

export function sectionTitle(t: TFunction, key: SlaSectionKey): string {
  return t(`sla.sections.${key}`);
}

export function stageLabel(format: SlaFormat, stageId: string | null | undefined): string {
  if (!stageId) return format.t('sla.doc.anyRecord');
  const stage = format.stages.find((candidate) => candidate.id === stageId);
  return stage ? stageName(stage, format.language) || stageId : stageId;
}

export function department(t: TFunction, value: string | null | undefined): string {
  return value ? t(`sla.departments.${value}`) : t('sla.commitments.unassigned');
}

function codeList(format: SlaFormat, prefix: string, codes: readonly string[]): string {
  if (codes.length === 0) return format.t('sla.doc.none');
  return formatList(
    codes.map((code) => format.t(`${prefix}.${code}`, { defaultValue: code })),
    format.language,
  );
}

function hours(format: SlaFormat, count: number, business: boolean): string {
  return format.t(business ? 'sla.doc.businessHours' : 'sla.doc.hours', { count: formatNumber(count, format.language) as unknown as number });
}

/** When a time-window commitment is met in a month: every record, or at least its compliance level. */
export function complianceSentence(format: SlaFormat, commitment: { compliancePercent?: number | undefined }): string {
  const percent = complianceOf(commitment);
  return percent >= 100
    ? format.t('calendar.sla.complianceAll')
    : format.t('calendar.sla.compliance', { percent: formatNumber(percent / 100, format.language, { style: 'percent', maximumFractionDigits: 1 }) });
}

/** One sentence stating a commitment with all its parameters (time windows with their compliance level). */
export function commitmentSentence(format: SlaFormat, commitment: Commitment, mqlStageId?: string | null): string {
  const { t, language } = format;
  const owner = department(t, commitment.owner);
  const n = (value: number) => formatNumber(value, language);
  switch (commitment.kind) {
    case 'volume':
      return t('sla.doc.commitment.volume', {
        owner,
        count: n(commitment.count),
        stage: stageLabel(format, commitment.stageId ?? mqlStageId ?? null),
        period: t(`sla.periods.${commitment.period}`),
      });
    case 'quality':
      return t('sla.doc.commitment.quality', {
        owner,
        percent: formatNumber(commitment.completenessPercent / 100, language, { style: 'percent', maximumFractionDigits: 1 }),
        fields: codeList(format, 'sla.fieldCodes', commitment.requiredFields),
      });
    case 'firstContact':
      return `${t('sla.doc.commitment.firstContact', { owner, stage: stageLabel(format, commitment.stageId), time: hours(format, commitment.withinHours, commitment.businessHours) })}${language === 'ja' ? '' : ' '}${complianceSentence(format, commitment)}`;
    case 'attempts':
      return t('sla.doc.commitment.attempts', { owner, attempts: n(commitment.attempts), days: n(commitment.days) });
    case 'acceptReject':
      return `${t('sla.doc.commitment.acceptReject', {
        owner,
        stage: stageLabel(format, commitment.stageId),
        time: hours(format, commitment.withinHours, commitment.businessHours),
        codes: codeList(format, 'sla.reasonCodes', commitment.reasonCodes),
      })}${language === 'ja' ? '' : ' '}${complianceSentence(format, commitment)}`;
    case 'recycle':
      return t('sla.doc.commitment.recycle', { owner, days: n(commitment.nurtureDays) });
    case 'feedback':
      return t('sla.doc.commitment.feedback', { owner, cadence: t(`sla.cadences.${commitment.cadence}`), channel: t(`sla.channels.${commitment.channel}`) });
    case 'reviewCadence':
      return t('sla.doc.commitment.reviewCadence', { owner, cadence: t(`sla.cadences.${commitment.cadence}`) });
  }
}

/** A finding's message, its codes and ids turned into names. */
export function findingMessage(format: SlaFormat, finding: Finding, commitments: readonly Commitment[]): string {
  const { t, language } = format;
  const p = finding.params;
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  const num = (value: unknown) => (typeof value === 'number' ? formatNumber(value, language) : '');
  const commitment = commitments.find((candidate) => candidate.id === p.commitmentId);
  const kind = commitment ? t(`sla.kinds.${commitment.kind}`) : str(p.kind) ? t(`sla.kinds.${str(p.kind)}`) : '';
  return t(`sla.findings.codes.${finding.code}`, {
    problem: p.problem ? t(`sla.findings.problems.${str(p.problem)}`, { stage: stageLabel(format, str(p.stageId)) }) : '',
    stage: stageLabel(format, str(p.stageId) || null),
    target: num(p.target),
    required: num(p.required),
    committed: num(p.committed),
    period: p.period ? t(`sla.periods.${str(p.period)}`) : '',
    committedPeriod: p.committedPeriod ? t(`sla.periods.${str(p.committedPeriod)}`) : '',
    owner: department(t, str(p.owner) || null),
    from: stageLabel(format, str(p.fromStageId)),
    to: stageLabel(format, str(p.toStageId)),
    toOwner: department(t, str(p.toOwner) || null),
    kind,
    path: str(p.path),
  });
}
