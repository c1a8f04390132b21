import type { TFunction } from 'i18next';
import { roomProblemOf, roomProblemText } from '@shared/rooms/errors';

/** A failed room request in the user's language: the room's own reason when it gave one. */
export function roomErrorText(t: TFunction, error: unknown): string {
  const problem = roomProblemOf(error);
  if (problem) return roomProblemText(t, problem);
  return error instanceof Error ? error.message : String(error);
}
