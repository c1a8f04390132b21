import type { Messages } from './en';

/** Japanese strings of the workspace as an app (merged into `ja.workspaceUx`). */
export const workspaceUxJa: Messages['workspaceUx'] = {
  nav: {
    label: 'ワークスペース：{{name}}',
    places: {
      overview: '概要',
      personas: 'ペルソナ',
      funnel: 'ファネル',
      sla: 'SLA',
      meetings: '定例会',
      kpis: 'KPI',
      calendar: '営業日カレンダー',
      members: 'メンバー',
    },
    goTo: {
      overview: '概要へ移動',
      personas: 'ペルソナへ移動',
      funnel: 'ファネルへ移動',
      sla: 'SLAへ移動',
      meetings: '定例会へ移動',
      kpis: 'KPIへ移動',
      calendar: '営業日カレンダーへ移動',
      members: 'メンバーへ移動',
    },
  },
  meetings: {
    lastMeeting: '前回：{{title}}',
  },
  persona: {
    moreInDetails: '続きはペルソナの詳細に',
  },
};
