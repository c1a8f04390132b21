/** 日本語: rooms（`ja.rooms` に統合）。キーは `rooms.en.ts` と同じ。 */
export const roomsJa = {
  server: {
    title: 'Alignboard ルーム',
    invalidLink: 'この参加リンクは無効です。ファシリテーターにルームのリンクか QR コードを確認してください。',
    closed: 'このルームは終了しました。新しいルームのリンクをファシリテーターに確認してください。',
    notFound: 'このアドレスには何もありません。',
    tooMany: 'リクエストが多すぎます。少し待ってからもう一度お試しください。',
  },
} as const;
