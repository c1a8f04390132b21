/** English strings of file and board migrations (merged into `en.migrations`); `migrations.ja.ts` has the same keys. */
export const migrationsEn = {
  newerBoard:
    'The board “{{board}}” in the file was made by a newer version of Alignboard (board format {{version}}; this app reads up to {{supported}}). Update Alignboard to open it. Nothing was imported.',
};
