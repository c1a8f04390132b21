import type { Metric } from './records';

/**
 * Column names of CRM exports (Salesforce, HubSpot, Japanese CRMs such as Sansan, kintone or
 * e-Sales Manager exports) and of hand-made monthly sheets, in English and Japanese, and the
 * words for outcomes and marketing lead sources. Headers are compared after {@link headerKey}
 * folds case, width, spaces, punctuation and unit annotations like "(円)" or "[h]".
 */

/** The lead-level columns an import can use. */
export const LEAD_FIELDS = [
  'id',
  'createdDate',
  'mqlDate',
  'salDate',
  'sqlDate',
  'opportunityDate',
  'closedDate',
  'outcome',
  'amount',
  'firstContactDate',
  'source',
  'rejectedDate',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/**
 * Text longer than this is cut before it is folded. headerKey also runs on cell values (outcome and
 * source cells), and a hostile cell may be megabytes long; no column name, stage or source word is
 * anywhere near this length.
 */
export const MAX_FOLDED_LENGTH = 512;

/** Bracket pairs whose content is an annotation ("(円)", "[h]", "【必須】", "<JPY>"). */
const ANNOTATIONS: ReadonlyMap<string, string> = new Map([
  ['(', ')'],
  ['[', ']'],
  ['【', '】'],
  ['<', '>'],
]);

/**
 * Drops each opening bracket up to and including the first matching closing bracket after it (an
 * opening bracket with no closing one after it stays). The same result as the regex
 * `/\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>/g`, in one pass: the regex scans to the end of the text
 * again for every unclosed bracket, which is quadratic ("((((…" of 160k characters took 20 s).
 * `visit` (tests only) is called for every step of either loop: at most five per character.
 */
export function stripAnnotations(text: string, visit?: () => void): string {
  // Where the next closing bracket of each kind is, found once from the end: position → next.
  const nextClose = new Map<string, Int32Array>();
  for (const close of ANNOTATIONS.values()) {
    if (!text.includes(close)) continue;
    const next = new Int32Array(text.length + 1).fill(-1);
    for (let index = text.length - 1; index >= 0; index--) {
      visit?.();
      next[index] = text[index] === close ? index : next[index + 1]!;
    }
    nextClose.set(close, next);
  }
  let out = '';
  let index = 0;
  while (index < text.length) {
    visit?.();
    const char = text[index]!;
    const close = ANNOTATIONS.get(char);
    const end = close === undefined ? -1 : (nextClose.get(close)?.[index + 1] ?? -1);
    if (end >= 0) {
      index = end + 1;
    } else {
      out += char;
      index++;
    }
  }
  return out;
}

/** Ends the key of a text longer than MAX_FOLDED_LENGTH: keys are letters and digits, so it never equals a known name. */
const CUT = '…';

/**
 * A header (or a cell value) folded for comparison: NFKC, lower case, no bracketed annotations,
 * letters and digits only. Linear in the length; of a longer text only the first
 * MAX_FOLDED_LENGTH characters are read, and its key ends in "…" so it matches no name or word.
 */
export function headerKey(header: string): string {
  const long = header.length > MAX_FOLDED_LENGTH;
  const text = long ? header.slice(0, MAX_FOLDED_LENGTH) : header;
  const key = stripAnnotations(text.normalize('NFKC').toLowerCase()).replace(/[^\p{L}\p{N}]/gu, '');
  return long ? key + CUT : key;
}

const fold = (names: readonly string[]): ReadonlySet<string> => new Set(names.map(headerKey));

/** Header names of each lead field (folded with headerKey when compared). */
export const LEAD_HEADERS: Readonly<Record<LeadField, ReadonlySet<string>>> = {
  id: fold(['ID', 'Lead ID', 'Record ID', 'Contact ID', 'Deal ID', 'Opportunity ID', 'Lead Id', 'リードID', 'レコードID', '顧客ID', 'ID番号', '番号', 'No', 'No.']),
  createdDate: fold([
    'Created Date', 'Create Date', 'Created', 'Created On', 'Created At', 'Date Created', 'Lead Created Date', 'Creation Date', 'Lead Date',
    '作成日', '作成日時', 'リード作成日', '登録日', '登録日時', '獲得日', 'リード獲得日', '取得日', '作成日付',
  ]),
  mqlDate: fold([
    'MQL Date', 'MQL Created Date', 'Became a Marketing Qualified Lead Date', 'Marketing Qualified Date', 'Marketing Qualified Lead Date', 'MQL At',
    'MQL日', 'MQL化日', 'MQL日付', 'MQL認定日', 'MQL日時', 'MQL化日時',
  ]),
  salDate: fold(['SAL Date', 'Sales Accepted Date', 'Sales Accepted Lead Date', 'Accepted Date', 'SAL日', 'SAL化日', '受入日', '営業受入日', 'SAL日付']),
  sqlDate: fold([
    'SQL Date', 'Became a Sales Qualified Lead Date', 'Sales Qualified Date', 'Sales Qualified Lead Date', 'SQL At',
    'SQL日', 'SQL化日', 'SQL日付', 'SQL認定日', 'SQL日時',
  ]),
  opportunityDate: fold([
    'Opportunity Date', 'Opportunity Created Date', 'Became an Opportunity Date', 'Converted Date', 'Conversion Date', 'Deal Created Date', 'Deal Create Date',
    '商談日', '商談化日', '商談作成日', '商談開始日', '商談化日時', '取引開始日',
  ]),
  closedDate: fold([
    'Close Date', 'Closed Date', 'Date Closed', 'Closed On', 'Closed At', 'Deal Close Date', 'Closed Won Date', 'Won Date', 'Date Won',
    '完了日', 'クローズ日', '受注日', '成約日', '受注失注日', '受失注日', '商談完了日', '契約日',
  ]),
  outcome: fold([
    'Outcome', 'Stage', 'Status', 'Lead Status', 'Opportunity Stage', 'Deal Stage', 'Stage Name', 'Result', 'Won', 'Is Won', 'Closed Won',
    '結果', 'ステータス', 'ステージ', 'フェーズ', '商談結果', '受注失注', '商談ステータス', '商談ステージ', '受注区分', '成否',
  ]),
  amount: fold([
    'Amount', 'Deal Amount', 'Opportunity Amount', 'Deal Value', 'Value', 'Amount (converted)', 'Expected Revenue', 'Total Amount', 'Deal Size',
    '金額', '受注金額', '商談金額', '見込金額', '契約金額', '売上金額', '金額(円)', '取引金額',
  ]),
  firstContactDate: fold([
    'First Contact Date', 'First Contacted', 'First Contacted Date', 'First Contacted At', 'First Activity Date', 'First Activity', 'First Response Date',
    'First Response', 'First Outreach Date', 'First Call Date', 'Date of First Engagement', 'First Engagement Date', 'First Touch Date',
    '初回接触日', '初回接触日時', '初回対応日', '初回対応日時', '初回コンタクト日', '初回架電日', '初回連絡日', '初回アプローチ日', '初回接触',
  ]),
  rejectedDate: fold([
    'Rejected Date', 'Rejection Date', 'Date Rejected', 'Sales Rejected Date', 'Disqualified Date', 'Date Disqualified',
    '却下日', '却下日時', '差し戻し日', '差戻し日', '差戻日', '不採用日', 'リジェクト日',
  ]),
  source: fold([
    'Source', 'Lead Source', 'Original Source', 'Original Source Type', 'Channel', 'Lead Channel', 'Source Type',
    'リードソース', 'ソース', '流入元', '獲得経路', 'チャネル', 'リード獲得元', '流入経路', '獲得チャネル', 'リード元',
  ]),
};

/** Closed-date headers that mean "won" (受注日, Won Date): without an outcome column, closed = won. */
export const WON_DATE_HEADERS: ReadonlySet<string> = fold(['Closed Won Date', 'Won Date', 'Date Won', '受注日', '成約日', '契約日']);

/** The month column of a periods sheet. */
export const PERIOD_HEADERS: ReadonlySet<string> = fold([
  'Month', 'Period', 'Year Month', 'Year-Month', 'Date', 'Monat', 'Mois', 'Mes', 'Maand', 'Periode', 'Période', 'Periodo',
  '月', '年月', '対象月', '期間', '月度', '対象年月', '集計月', '年月度',
]);

/** Column names of each metric in a periods sheet. */
export const METRIC_HEADERS: Readonly<Record<Metric, ReadonlySet<string>>> = {
  leads: fold(['Leads', 'New Leads', 'Lead Count', 'Leads Created', 'リード', 'リード数', '新規リード', '新規リード数', 'リード獲得数', 'リード件数']),
  mql: fold(['MQL', 'MQLs', 'MQL Count', 'Marketing Qualified Leads', 'MQL数', 'MQL件数']),
  sal: fold(['SAL', 'SALs', 'SAL Count', 'Sales Accepted Leads', 'SAL数', 'SAL件数']),
  sql: fold(['SQL', 'SQLs', 'SQL Count', 'Sales Qualified Leads', 'SQL数', 'SQL件数']),
  opportunities: fold(['Opportunities', 'Opportunity', 'Opps', 'New Opportunities', 'Deals', 'Deals Created', 'New Deals', '商談', '商談数', '新規商談数', '商談化数', '商談件数']),
  opportunitiesClosed: fold([
    'Opportunities Closed', 'Closed', 'Closed Opportunities', 'Deals Closed', 'Closed Deals', 'Opps Closed',
    '完了商談数', 'クローズ数', '完了数', '決着数', '受注失注数', '商談完了数', 'クローズ商談数',
  ]),
  won: fold(['Won', 'Wins', 'Closed Won', 'Deals Won', 'Won Deals', 'Opportunities Won', '受注', '受注数', '受注件数', '成約数', '成約件数']),
  revenue: fold(['Revenue', 'Bookings', 'Closed Won Amount', 'Won Amount', 'Actual Revenue', 'Revenue Actual', 'Sales Revenue', 'Umsatz', '売上', '売上高', '売上実績', '受注金額', '受注額', '売上金額']),
  revenueTarget: fold([
    'Revenue Target', 'Target', 'Quota', 'Sales Target', 'Revenue Goal', 'Revenue Quota', 'Budget', 'Umsatzziel',
    '売上目標', '目標', '予算', '売上予算', '目標売上', '売上目標額', '受注目標',
  ]),
  marketingPipeline: fold([
    'Marketing Pipeline', 'Marketing-sourced Pipeline', 'Marketing Sourced Pipeline', 'Pipeline', 'Mktg Pipeline', 'Marketing Pipeline Amount',
    'マーケティング起点パイプライン', 'マーケ起点パイプライン', 'パイプライン', 'マーケティングパイプライン', 'パイプライン金額',
  ]),
  responseHours: fold([
    'Response Hours', 'Response Time', 'Response Time (h)', 'Lead Response Time', 'Median Response Hours', 'Avg Response Hours', 'Hours to First Contact', 'First Response Hours',
    '初回対応時間', '対応時間', '応答時間', 'リード対応時間', '初回接触までの時間', '初回対応までの時間',
  ]),
};

/** Outcome words (folded with headerKey). */
const WON = fold(['won', 'closed won', 'closedwon', 'win', 'wins', 'yes', 'true', 'y', '1', '受注', '成約', '受注済', '受注済み', '成約済', '成約済み', 'はい', '○', '〇']);
const LOST = fold([
  'lost', 'closed lost', 'closedlost', 'loss', 'no', 'false', 'n', '0', '失注', '不成約', '失注済', '失注済み', '見送り', '不採用', 'いいえ', '×',
  'closed - not converted', 'disqualified',
]);
const OPEN = fold([
  'open', 'pending', 'in progress', 'working', 'new', 'active', 'prospecting', 'qualification', 'needs analysis', 'value proposition',
  'id. decision makers', 'perception analysis', 'proposal/price quote', 'negotiation/review', 'proposal', 'negotiation', 'discovery', 'demo',
  'appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent',
  'open - not contacted', 'working - contacted', 'nurturing', 'contacted', 'qualified',
  '商談中', '進行中', '検討中', '提案中', '交渉中', '見積', '見積提出', '見積中', 'アポ', '初回商談', '受注見込', '受注見込み', '継続', '保留', '未完了', 'オープン',
]);

/**
 * The outcome of a record from its outcome / stage cell: 'won', 'lost', 'open' (a stage before
 * closing, or blank) or null (a word the app does not know). Salesforce and HubSpot stage names
 * and Japanese 受注 / 失注 / 商談中 are known.
 */
export function classifyOutcome(text: string): 'won' | 'lost' | 'open' | null {
  const key = headerKey(text);
  if (key.endsWith(CUT)) return null;
  if (key === '') return 'open';
  if (WON.has(key)) return 'won';
  if (LOST.has(key)) return 'lost';
  if (OPEN.has(key)) return 'open';
  if (key.includes('受注見込') || key.includes('受注予定')) return 'open';
  if (key.includes('失注') || key.includes('lost')) return 'lost';
  if (key.includes('受注') || key.includes('成約') || key.endsWith('won')) return 'won';
  return null;
}

const MARKETING_WORDS = [
  'organic', 'paid', 'email', 'social', 'web', 'seo', 'sem', 'ads', 'advert', 'campaign', 'content', 'webinar', 'seminar', 'event', 'tradeshow',
  'inbound', 'marketing', 'direct', 'search', 'download', 'whitepaper', 'newsletter', 'form', 'sns',
  '展示会', 'セミナー', 'ウェビナー', '広告', 'ウェブ', '問い合わせ', '問合せ', 'お問い合わせ', '資料請求', 'メルマガ', 'イベント', 'オーガニック', 'マーケ', '検索', 'ホワイトペーパー', 'サイト',
];
const NON_MARKETING_WORDS = ['referral', 'partner', 'sales', 'outbound', 'coldcall', 'offline', 'テレアポ', '紹介', '営業', 'パートナー', '代理店', '既存', 'アウトバウンド'];

/** Whether a lead source value sounds like marketing (web, ads, events, 展示会, 資料請求 …) rather than sales or partners. */
export function isMarketingSource(value: string): boolean {
  const key = headerKey(value);
  if (key === '' || key.endsWith(CUT)) return false;
  if (NON_MARKETING_WORDS.some((word) => key.includes(word))) return false;
  return MARKETING_WORDS.some((word) => key.includes(word));
}
