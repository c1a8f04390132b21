import type { Messages } from './en';

/** Japanese strings of the hardening work (merged into `ja.hardening`); same keys as `hardening.en.ts`. */
export const hardeningJa: Messages['hardening'] = {
  pdf: {
    unreadable: 'このファイルは読み取れません: {{reason}}',
    refusals: {
      fileTooLarge: 'Alignboard が読み取れる上限（{{limit}}）を超えています。',
      chainedFilters: 'ファイルの一部が何重にも圧縮されています（{{filters}}）。メモリを使い果たさせるために作られたファイルに見られる形です。',
      hiddenFilter: '中身の圧縮方式が隠されています（間接参照またはエスケープされたフィルター名）。',
      streamTooLarge: '圧縮された部分を展開すると {{limit}} を超えます。',
      badXrefStream: '相互参照テーブルが、実際のデータより多くの項目を宣言しています。',
      tooSlow: '読み取りに {{seconds}} 秒以上かかったため、中止しました。',
      readerFailed: '読み取り中に PDF リーダーが停止しました（ファイルが壊れているか、メモリを使い果たさせるために作られている可能性があります）。',
    },
  },
  printView: {
    bar: '印刷ビュー',
    back: '戻る',
    print: '印刷…',
  },
};
