/**
 * English content of the sample workspace beyond its people, persona and last meeting (merged into
 * `en.sampleStory`): the funnel's MQL definition before and after the threshold change, the SLA's
 * own texts, the persona board's notes and the meeting held four weeks ago. `sampleStory.ja.ts`
 * has the same keys.
 */
export const sampleStoryEn = {
  funnel: {
    /** The MQL entry definition the signed revision 1 states. */
    mqlSigned: 'Lead with fit and intent whose score reaches 50 points',
    /** The definition on the funnel board now (the decision of the last meeting). */
    mqlNow: 'Lead with fit and intent whose score reaches 60 points (50 until this month)',
  },
  sla: {
    purpose:
      'Marketing and sales own the revenue target together. Marketing delivers MQLs that meet the definition in section 4; sales works every one of them quickly and tells marketing what became of it.',
    escalation: 'A commitment missed two months in a row goes to both heads, who agree on a fix at the next regular meeting.',
    handOffChange: 'From revision 2 an MQL needs 60 points (50 before): fewer MQLs, but ones sales can work. Marketing commits to 180 MQLs a month at the new threshold.',
  },
  /** More notes on the persona board (their zones, departments and dots: SAMPLE_NOTES in sample.ts). */
  notes: [
    'Month-end reports without overtime',
    'Numbers the plant managers trust',
    'IT team of four: no time for a big project',
    'Three systems, no single customer list',
    'The ERP vendor ends support in two years',
    'Asks for references in manufacturing',
    'Goes to the regional user group',
  ],
  earlierMeeting: {
    slaNote: 'Both heads signed revision 1 of the SLA: first contact within 24 business hours for 90 % of MQLs, accept or reject within 24 business hours.',
    kpiNote: 'MQL volume is still below the 200 target; conversion to SQL is on track.',
    decision: 'Adopt the SLA (revision 1) and measure it from this month’s CRM export.',
    actions: {
      crmExport: 'Export the CRM with a date and time for every lead, each month',
      caseStudy: 'Write a case study with a mid-size manufacturer',
    },
  },
} as const;
