import type { TFunction } from 'i18next';
import { REVERSE_FUNNEL_PROBLEM_CODES } from '@shared/funnel/reverseFunnel';
import { FUNNEL_PERIODS, type Stage, stageName } from '@shared/funnel/stages';
import { isOneOf } from '@shared/oneOf';
import type { Language } from '@shared/settings';
import type { Finding } from '@shared/sla/checks';
import { type Commitment, COMMITMENT_KINDS, complianceOf, DEFAULT_REASON_CODES, DEFAULT_REQUIRED_FIELDS } from '@shared/sla/commitments';
import type { SlaSectionKey } from '@shared/sla/document';
import { intlFormatter } from '../../ui/intlCache';

/** Everything the SLA text needs to turn codes and ids into the reader's language. */
export type SlaFormat = {
  t: TFunction;
  language: Language;
  stages: readonly Stage[];
};

/** One kept formatter per kind, language and options (the SLA text formats hundreds of values). */
function formatter<F>(kind: string, language: string, options: object, make: () => F): F {
  return intlFormatter(`${kind}\u0000${language}\u0000${JSON.stringify(options)}`, make);
}

export function formatNumber(value: number, language: string, options: Intl.NumberFormatOptions = {}): string {
  return formatter('number', language, options, () => new Intl.NumberFormat(language, options)).format(value);
}

/**
 * A number the user typed into the SLA (a window's hours, a percentage, a target): every digit
 * they typed, up to 15 significant ones, instead of Intl's default three decimals (or the one
 * decimal a percentage was given), which turned 99.95 % into "100 %" and 0.0625 h into "0.063 h"
 * in the text that is signed. Percentages are passed as fractions (0.9995) with `style: 'percent'`.
 */
export function formatExact(value: number, language: string, options: Intl.NumberFormatOptions = {}): string {
  return formatNumber(value, language, { ...options, maximumSignificantDigits: 15 });
}

export function formatDate(date: string | null, language: string): string | null {
  if (!date) return null;
  // A calendar date (YYYY-MM-DD) is shown as that day wherever the reader is.
  const calendarDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const iso = calendarDate ? `${date}T00:00:00Z` : date;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: calendarDate ? 'UTC' : undefined };
  return formatter('date', language, options, () => new Intl.DateTimeFormat(language, options)).format(new Date(iso));
}

export function formatList(items: readonly string[], language: string): string {
  const options: Intl.ListFormatOptions = { style: 'long', type: 'conjunction' };
  return formatter('list', language, options, () => new Intl.ListFormat(language, options)).format(items);
}

export function sectionTitle(t: TFunction, key: SlaSectionKey): string {
  return t(`sla.sections.${key}`);
}

export function stageLabel(format: SlaFormat, stageId: string | null | undefined): string {
  if (!stageId) return format.t('sla.doc.anyRecord');
  const stage = format.stages.find((candidate) => candidate.id === stageId);
  return stage ? stageName(stage, format.language) || stageId : stageId;
}

/** The words `sla.departments` has: a commitment's owner, a stage's owner, a member's department. */
const DEPARTMENT_WORDS = ['marketing', 'sales', 'joint', 'other'] as const;

export function department(t: TFunction, value: string | null | undefined): string {
  if (!value) return t('sla.commitments.unassigned');
  return isOneOf(DEPARTMENT_WORDS, value) ? t(`sla.departments.${value}`) : value;
}

/** A reverse-funnel problem in words; a code this version does not know (a newer file's) as it is. */
export function funnelProblem(format: SlaFormat, problem: { code: string; stageId?: string | null | undefined }): string {
  const { code } = problem;
  return isOneOf(REVERSE_FUNNEL_PROBLEM_CODES, code) ? format.t(`sla.findings.problems.${code}`, { stage: stageLabel(format, problem.stageId) }) : code;
}

/** Codes the app suggests are named in the reader's language; codes the user typed stay as typed. */
function codeList<const C extends string>(format: SlaFormat, known: readonly C[], label: (code: C) => string, codes: readonly string[]): string {
  if (codes.length === 0) return format.t('sla.doc.none');
  return formatList(
    codes.map((code) => (isOneOf(known, code) ? label(code) : code)),
    format.language,
  );
}

function hours(format: SlaFormat, count: number, business: boolean): string {
  return format.t(business ? 'sla.doc.businessHours' : 'sla.doc.hours', { hours: formatExact(count, format.language) });
}

/** When a time-window commitment is met in a month: every record, or at least its compliance level. */
export function complianceSentence(format: SlaFormat, commitment: { compliancePercent?: number | undefined }): string {
  const percent = complianceOf(commitment);
  return percent >= 100
    ? format.t('calendar.sla.complianceAll')
    : format.t('calendar.sla.compliance', { percent: formatExact(percent / 100, format.language, { style: 'percent' }) });
}

/** One sentence stating a commitment with all its parameters (time windows with their compliance level). */
export function commitmentSentence(format: SlaFormat, commitment: Commitment, mqlStageId?: string | null): string {
  const { t, language } = format;
  const owner = department(t, commitment.owner);
  const n = (value: number) => formatExact(value, language);
  switch (commitment.kind) {
    case 'volume':
      return t('sla.doc.commitment.volume', {
        owner,
        records: n(commitment.count),
        stage: stageLabel(format, commitment.stageId ?? mqlStageId ?? null),
        period: t(`sla.periods.${commitment.period}`),
      });
    case 'quality':
      return t('sla.doc.commitment.quality', {
        owner,
        percent: formatExact(commitment.completenessPercent / 100, language, { style: 'percent' }),
        fields: codeList(format, DEFAULT_REQUIRED_FIELDS, (code) => t(`sla.fieldCodes.${code}`), commitment.requiredFields),
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
        codes: codeList(format, DEFAULT_REASON_CODES, (code) => t(`sla.reasonCodes.${code}`), commitment.reasonCodes),
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
  const kindCode = commitment?.kind ?? p.kind;
  const kind = isOneOf(COMMITMENT_KINDS, kindCode) ? t(`sla.kinds.${kindCode}`) : '';
  const period = (value: unknown) => (isOneOf(FUNNEL_PERIODS, value) ? t(`sla.periods.${value}`) : '');
  return t(`sla.findings.codes.${finding.code}`, {
    problem: p.problem ? funnelProblem(format, { code: str(p.problem), stageId: str(p.stageId) }) : '',
    stage: stageLabel(format, str(p.stageId) || null),
    target: num(p.target),
    required: num(p.required),
    committed: num(p.committed),
    period: period(p.period),
    committedPeriod: period(p.committedPeriod),
    owner: department(t, str(p.owner) || null),
    from: stageLabel(format, str(p.fromStageId)),
    to: stageLabel(format, str(p.toStageId)),
    toOwner: department(t, str(p.toOwner) || null),
    kind,
    path: str(p.path),
  });
}
