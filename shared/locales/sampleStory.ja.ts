import type { Messages } from './en';

/** Japanese content of the sample workspace (merged into `ja.sampleStory`). */
export const sampleStoryJa: Messages['sampleStory'] = {
  funnel: {
    mqlSigned: '適合度・関心度を満たし、スコアが50点以上のリード',
    mqlNow: '適合度・関心度を満たし、スコアが60点以上のリード（今月まで50点）',
  },
  sla: {
    purpose:
      'マーケティングと営業は売上目標を共に担う。マーケティングは第4節の定義を満たすMQLを提供し、営業はそのすべてに迅速に対応して結果をマーケティングに伝える。',
    escalation: '2か月続けて未達のコミットメントは両部長に上げ、次の定例会で対策を合意する。',
    handOffChange: '第2版から、MQLの基準を60点（従来50点）とする。MQLの件数は減るが、営業が対応できるMQLになる。マーケティングは新基準で月180件のMQLを約束する。',
  },
  notes: [
    '残業せずに月末の報告を終えたい',
    '工場長が信頼できる数字がほしい',
    '情シスは4名だけ。大きなプロジェクトの余裕がない',
    'システムが3つあり、顧客リストが一つにならない',
    '基幹システムのサポートが2年後に終了',
    '製造業での導入実績を求められる',
    '地域のユーザー会に参加している',
  ],
  earlierMeeting: {
    slaNote: '両部長がSLA第1版に署名：MQLの90 %に営業時間24時間以内で初回対応、受け入れ／却下も営業時間24時間以内。',
    kpiNote: 'MQL件数はまだ目標の200件を下回る。SQLへの転換は順調。',
    decision: 'SLA（第1版）を採用し、今月のCRMエクスポートから測定する。',
    actions: {
      crmExport: 'CRMから全リードの日時付きデータを毎月エクスポートする',
      caseStudy: '中堅製造業の導入事例を作成する',
    },
  },
};
