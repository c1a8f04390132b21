/**
 * English texts the app writes into new records (merged into `en.defaults`): the default funnel's
 * stage names and entry definitions, and the default KPIs' names and descriptions. Once written
 * they are the users' text; `defaults.ja.ts` has the same keys. Shared code (shared/funnel,
 * shared/kpi) reads these files directly, so workers that load it do not load every UI string.
 */
export const defaultsEn = {
  stages: {
    prospect: { name: 'Prospect / Awareness', entryDefinition: 'Fits the target accounts and persona, and is aware of us' },
    lead: { name: 'Lead', entryDefinition: 'We have contact details (inquiry, download, event, …)' },
    mql: { name: 'MQL', entryDefinition: 'Lead with fit and intent whose score reaches the agreed threshold' },
    sal: { name: 'SAL', entryDefinition: 'MQL accepted by sales (or rejected with a reason code within 24 h)' },
    sql: { name: 'SQL', entryDefinition: 'Sales confirmed a real buying project (budget, authority, need, timing)' },
    opportunity: { name: 'Opportunity', entryDefinition: 'Proposal or quote under discussion' },
    won: { name: 'Won', entryDefinition: 'Contract signed' },
    lost: { name: 'Lost', entryDefinition: 'Lost or abandoned' },
    recycled: { name: 'Recycled', entryDefinition: 'Returned by sales as not ready yet; marketing nurtures it again' },
  },
  /** The default working calendar's year-end closure (Japan's), written into the calendar when it is stored. */
  calendar: { yearEnd: 'Year-end holidays' },
  kpis: {
    mqlCount: { name: 'MQL count', description: 'Marketing-qualified leads handed to sales in the period.' },
    mqlToSql: { name: 'MQL → SQL conversion', description: 'SQL ÷ MQL: the share of marketing-qualified leads that sales qualifies.' },
    sqlToOpportunity: { name: 'SQL → opportunity conversion', description: 'Opportunities ÷ SQL: the share of sales-qualified leads that become opportunities.' },
    winRate: { name: 'Win rate', description: 'Won ÷ opportunities closed (won + lost).' },
    responseTime: { name: 'Lead response time', description: 'Median hours from MQL hand-off to the first sales contact.' },
    slaAttainment: { name: 'SLA attainment', description: 'Share of the signed SLA’s measured commitments that were met.' },
    marketingPipeline: { name: 'Marketing-sourced pipeline', description: 'Total amount of opportunities that came from marketing.' },
    revenueVsTarget: { name: 'Revenue vs target', description: 'Revenue ÷ revenue target.' },
  },
} as const;
