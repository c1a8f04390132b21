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
  dayHelp: '矢印: 日・週 · Page Up/Down: 月 · Home/End: 週の始め/終わり · Enter: 決定 · Esc: 閉じる',
  monthHelp: '矢印: 月 · Page Up/Down: 年 · Enter: 決定 · Esc: 閉じる',
  unreadableDate: '「{{text}}」は日付として読めません。{{example}} や 2026-12-07 の形で入力してください。',
  unreadableMonth: '「{{text}}」は月として読めません。{{example}} や 2026-12 の形で入力してください。',
  noSuchMonth: '{{month}}月という月はありません。{{example}} の形で入力してください。',
  noSuchDay: '{{month}}に{{day}}日はありません。{{example}} の形で入力してください。',
  requiredDate: '日付は必須です。{{example}} の形で入力するか、カレンダーから選んでください。',
  requiredMonth: '月は必須です。{{example}} の形で入力するか、カレンダーから選んでください。',
};
