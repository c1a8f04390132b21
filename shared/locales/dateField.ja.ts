import type { Messages } from './en';

/** Japanese strings of the date and month fields (see dateField.en.ts). */
export const dateFieldJa: Messages['dateField'] = {
  chooseDate: '日付を選択',
  chooseMonth: '月を選択',
  previousMonth: '前の月',
  nextMonth: '次の月',
  previousYear: '前の年',
  nextYear: '次の年',
  today: '今日',
  thisMonth: '今月',
  clear: 'クリア',
  keys: 'キー操作',
  keyDays: '日・週',
  keyMonths: '月・行',
  keyPageMonth: '月（Shift と一緒に押すと年）',
  keyPageYear: '年',
  keyWeekEnds: '週の始め・終わり',
  keyRowEnds: '行の始め・終わり',
  keyPick: '決定',
  keyClose: '閉じる',
  unreadableDate: '「{{text}}」は日付として読めません。{{example}} や 2026-12-07 の形で入力してください。',
  unreadableMonth: '「{{text}}」は月として読めません。{{example}} や 2026-12 の形で入力してください。',
  noSuchMonth: '{{month}}月という月はありません。{{example}} の形で入力してください。',
  noSuchDay: '{{month}}に{{day}}日はありません。{{example}} の形で入力してください。',
  requiredDate: '日付は必須です。{{example}} の形で入力するか、カレンダーから選んでください。',
  requiredMonth: '月は必須です。{{example}} の形で入力するか、カレンダーから選んでください。',
};
