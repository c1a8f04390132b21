import type { Messages } from './en';

/** 日本語: 新しいレコードに書き込む既定の文言（`ja.defaults` に統合）。キーは `defaults.en.ts` と同じ。 */
export const defaultsJa: Messages['defaults'] = {
  stages: {
    prospect: { name: '潜在顧客', entryDefinition: 'ターゲット企業・ペルソナに合致し、自社を認知した見込み客' },
    lead: { name: 'リード', entryDefinition: '連絡先を取得できた見込み客（問い合わせ、資料請求、イベント等）' },
    mql: { name: 'MQL', entryDefinition: '適合度・関心度を満たし、スコアが合意した閾値以上のリード' },
    sal: { name: 'SAL', entryDefinition: '営業が受け入れたMQL（却下は理由コード付きで24時間以内）' },
    sql: { name: 'SQL', entryDefinition: '営業が商談化の見込みありと判断したリード（予算・権限・ニーズ・時期）' },
    opportunity: { name: '商談', entryDefinition: '提案・見積を伴う商談' },
    won: { name: '受注', entryDefinition: '契約締結' },
    lost: { name: '失注', entryDefinition: '失注または見送り' },
    recycled: { name: 'リサイクル', entryDefinition: '時期尚早として営業から戻され、マーケティングが再育成するリード' },
  },
  /** The default working calendar's year-end closure (Japan's), written into the calendar when it is stored. */
  calendar: { yearEnd: '年末年始休業' },
  kpis: {
    mqlCount: { name: 'MQL数', description: 'マーケティングが営業に引き渡した、基準を満たす見込み客（MQL）の月間件数。' },
    mqlToSql: { name: 'MQL→SQL転換率', description: 'SQL数 ÷ MQL数。営業が商談化を見込めると判断したリードの割合。' },
    sqlToOpportunity: { name: 'SQL→商談化率', description: '商談数 ÷ SQL数。営業が受け入れたリードのうち商談になった割合。' },
    winRate: { name: '受注率', description: '受注数 ÷ 完了した商談数（受注＋失注）。' },
    responseTime: { name: '初回対応時間', description: 'MQLの引き渡しから営業の初回接触までの時間（中央値、時間）。' },
    slaAttainment: { name: 'SLA達成率', description: '署名済みSLAのうち、測定できたコミットメントが守られた割合。' },
    marketingPipeline: { name: 'マーケティング起点パイプライン', description: 'マーケティング施策から生まれた商談の金額合計。' },
    revenueVsTarget: { name: '売上目標達成率', description: '売上 ÷ 売上目標。' },
  },
};
