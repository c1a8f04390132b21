/** English strings of rooms (merged into `en.rooms`); `rooms.ja.ts` has the same keys. */
export const roomsEn = {
  server: {
    title: 'Alignboard room',
    invalidLink: 'This join link is not valid. Ask the facilitator for the room’s link or QR code.',
    closed: 'This room has closed. Ask the facilitator for the link of the new room.',
    notFound: 'There is nothing at this address.',
    tooMany: 'Too many requests. Wait a moment and try again.',
  },
} as const;
