import * as Y from 'yjs';
import type { StickyDepartment } from '../board/nodes';
import type { Department } from '../records/member';
import type { ParticipantIdentity } from './protocol';

/**
 * Guests have no member record on the laptop, so the room writes their name into the board itself:
 * `guests` (Y.Map) holds `guest:<id>` → `{ name, department }`. Their notes then carry `authorId`
 * and `department` exactly as a member's do, and the laptop can name them after the room has closed
 * (the guest list travels with the board into IndexedDB and workspace files).
 */
export const BOARD_GUESTS = 'guests';

export type Guest = { name: string; department: Department };

const GUEST_PREFIX = 'guest:';

export function guestAuthorId(participantId: string): string {
  return `${GUEST_PREFIX}${participantId}`;
}

export function isGuestAuthorId(id: string): boolean {
  return id.startsWith(GUEST_PREFIX);
}

export function guestsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(BOARD_GUESTS);
}

/**
 * The guest list as the board holds it. Only `guest:` ids count: an entry under a member's id (a
 * hand-edited or merged file) must not rename that member's notes.
 */
export function readGuests(doc: Y.Doc): Map<string, Guest> {
  const result = new Map<string, Guest>();
  guestsMap(doc).forEach((value, id) => {
    if (!id.startsWith(GUEST_PREFIX) || !value || typeof value !== 'object') return;
    const { name, department } = value as Record<string, unknown>;
    if (typeof name === 'string' && (department === 'sales' || department === 'marketing' || department === 'other')) {
      result.set(id, { name, department });
    }
  });
  return result;
}

export function writeGuest(doc: Y.Doc, authorId: string, guest: Guest, origin: unknown): void {
  doc.transact(() => guestsMap(doc).set(authorId, { name: guest.name, department: guest.department }), origin);
}

/** A note's department from its writer's: people of other departments write joint notes. */
export function noteDepartment(department: Department): StickyDepartment {
  return department === 'other' ? 'joint' : department;
}

/** What a new note of this participant carries: the same fields a note written at the laptop has. */
export function authorFields(identity: Pick<ParticipantIdentity, 'authorId' | 'department'>): { authorId: string; department: StickyDepartment } {
  return { authorId: identity.authorId, department: noteDepartment(identity.department) };
}
