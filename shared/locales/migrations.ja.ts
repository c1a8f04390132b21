import type { Messages } from './en';

/** 日本語: ファイルとボードの移行（`ja.migrations` に入る）。 */
export const migrationsJa: Messages['migrations'] = {
  newerBoard:
    'ファイル内のボード「{{board}}」は新しいバージョンの Alignboard で作成されています（ボード形式 {{version}}、このアプリは {{supported}} まで対応）。Alignboard を更新してから開いてください。何もインポートされていません。',
};
