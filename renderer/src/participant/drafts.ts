import { z } from 'zod';
import { PERSONA_ZONES, type PersonaZone } from '@shared/board/nodes';

/**
 * What a participant has typed in the page's note forms, and which form is open, kept in the
 * browser's storage so that a reload of the page brings them back: phones reload background tabs,
 * people pull to refresh, browsers discard tabs. One record per room and participant identity; a
 * phone that joins the board's next room as the same participant takes its record along, as it
 * takes its unsent notes.
 *
 * localStorage, not sessionStorage: a phone drops whole browser processes, not only tabs, and the
 * participant comes back through the tab restored, their history or the QR code in a new tab —
 * sessionStorage is gone in most of those (it belongs to one tab of one browser session), while
 * this page already keeps the join (`alignboard-room:<token>`) and its copy of the board
 * (IndexedDB) in storage that outlives the tab; a draft should last as long as the notes do.
 * localStorage keeps what it is given forever, so the page bounds it itself: a record is forgotten
 * once its forms are saved or cancelled, after DRAFT_LIFETIME_MS without a change (the room is
 * long over), and past the ROOMS_KEPT most recent rooms; each record holds at most
 * DRAFTS_PER_ROOM drafts of at most DRAFT_TEXT_MAX characters. Anything else found under the
 * prefix (corrupt, another shape, oversized) is ignored and removed.
 */

/** The note form's maxLength. */
export const DRAFT_TEXT_MAX = 2000;
export const DRAFTS_PER_ROOM = 50;
export const ROOMS_KEPT = 10;
/** Longer than any workshop; a weekend between two sessions of one room is still covered. */
export const DRAFT_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;
const RECORD_MAX_CHARS = DRAFTS_PER_ROOM * (DRAFT_TEXT_MAX + 200) + 1_000;

const PREFIX = 'alignboard-room-drafts:';
export const draftsStorageKey = (roomId: string, authorId: string) => `${PREFIX}${roomId}:${authorId}`;

const Zone = z.enum(PERSONA_ZONES);

/** The form on screen: a new note for `zone` (id null), or the edit of note `id` opened in `zone`. */
export type OpenForm = { id: null; zone: PersonaZone } | { id: string; zone: PersonaZone | null };
export type Draft = { zone: PersonaZone | null; text: string };

/** A draft's key: the edited note's id, or `new:<zone>` for a new note. */
export const formKey = (form: OpenForm): string => form.id ?? `new:${form.zone}`;
export const newNoteZone = (key: string): PersonaZone | null => {
  const zone = key.startsWith('new:') ? Zone.safeParse(key.slice(4)) : null;
  return zone?.success ? zone.data : null;
};

const DraftsRecord = z.object({
  v: z.literal(1),
  /** Last change, ms since the epoch. */
  at: z.number().finite(),
  open: z.union([z.object({ id: z.null(), zone: Zone }), z.object({ id: z.string().min(1).max(100), zone: Zone.nullable() })]).nullable(),
  drafts: z.array(z.object({ key: z.string().min(1).max(100), zone: Zone.nullable(), text: z.string().max(DRAFT_TEXT_MAX) })).max(DRAFTS_PER_ROOM),
});
type DraftsRecord = z.infer<typeof DraftsRecord>;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The record under `key` if it is one this page wrote and still current; null otherwise. */
function readRecord(store: Storage, key: string, now: number): DraftsRecord | null {
  const raw = store.getItem(key);
  if (raw === null || raw.length > RECORD_MAX_CHARS) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const record = DraftsRecord.safeParse(parsed);
  if (!record.success || now - record.data.at > DRAFT_LIFETIME_MS || record.data.at > now + DRAFT_LIFETIME_MS) return null;
  for (const draft of record.data.drafts) {
    // A new note's draft belongs to the zone its key names.
    if (draft.key.startsWith('new:') && (newNoteZone(draft.key) === null || newNoteZone(draft.key) !== draft.zone)) return null;
  }
  return record.data;
}

/**
 * Forgets the records of other rooms that are out of date or unreadable, and those beyond the
 * ROOMS_KEPT most recent; `keep` (the current room's) is read apart and counts as one of them.
 */
function pruneDrafts(now = Date.now(), keep: string | null = null): void {
  const store = storage();
  if (!store) return;
  try {
    const kept: { key: string; at: number }[] = [];
    const keys: string[] = [];
    for (let index = 0; index < store.length; index++) {
      const key = store.key(index);
      if (key?.startsWith(PREFIX) && key !== keep) keys.push(key);
    }
    for (const key of keys) {
      const record = readRecord(store, key, now);
      if (record) kept.push({ key, at: record.at });
      else store.removeItem(key);
    }
    kept.sort((a, b) => b.at - a.at);
    for (const { key } of kept.slice(keep ? ROOMS_KEPT - 1 : ROOMS_KEPT)) store.removeItem(key);
  } catch {
    // Storage that cannot be read (private mode, blocked): nothing of ours is in it.
  }
}

/**
 * The drafts of one room and participant: in memory (what the page shows), written through to
 * localStorage on every change when it can be. Storage that throws (private mode, full) leaves the
 * drafts in memory: writing notes works as before, only a reload loses them.
 */
export class NoteDrafts {
  private readonly drafts = new Map<string, Draft>();
  private openForm: OpenForm | null = null;

  private constructor(private readonly key: string) {}

  /**
   * The drafts stored for this room and participant (none if there are none, or they cannot be
   * read). With `earlierRoomId` (the phone joined the board's next room as the same participant),
   * the earlier room's drafts are taken over when this room has none: same board, same notes.
   */
  static load(roomId: string, authorId: string, earlierRoomId?: string, now = Date.now()): NoteDrafts {
    const key = draftsStorageKey(roomId, authorId);
    const drafts = new NoteDrafts(key);
    pruneDrafts(now, key);
    const store = storage();
    if (!store) return drafts;
    try {
      let record = readRecord(store, key, now);
      if (!record) store.removeItem(key);
      if (!record && earlierRoomId && earlierRoomId !== roomId) {
        const earlier = draftsStorageKey(earlierRoomId, authorId);
        record = readRecord(store, earlier, now);
        store.removeItem(earlier);
      }
      if (!record) return drafts;
      drafts.openForm = record.open;
      const open = record.open ? formKey(record.open) : null;
      // A blank draft keeps nothing worth showing again, unless its form is the open one.
      for (const draft of record.drafts) if (draft.text.trim() || draft.key === open) drafts.drafts.set(draft.key, { zone: draft.zone, text: draft.text });
      drafts.save();
    } catch {
      // Unreadable: start empty.
    }
    return drafts;
  }

  get open(): OpenForm | null {
    return this.openForm;
  }

  text(key: string): string | undefined {
    return this.drafts.get(key)?.text;
  }

  /** Every draft, the least recently typed first. */
  entries(): [string, Draft][] {
    return [...this.drafts];
  }

  type(key: string, zone: PersonaZone | null, text: string): void {
    this.drafts.delete(key);
    this.drafts.set(key, { zone, text: text.slice(0, DRAFT_TEXT_MAX) });
    // The least recently typed go first when there are too many (the open form's is the newest).
    while (this.drafts.size > DRAFTS_PER_ROOM) this.drafts.delete(this.drafts.keys().next().value!);
    this.save();
  }

  setOpen(form: OpenForm | null): void {
    this.openForm = form;
    this.save();
  }

  /** Saved or cancelled: the draft is forgotten, and its form closed if it was the open one. */
  forget(key: string): void {
    this.drafts.delete(key);
    if (this.openForm && formKey(this.openForm) === key) this.openForm = null;
    this.save();
  }

  private save(): void {
    const store = storage();
    if (!store) return;
    try {
      if (this.drafts.size === 0 && !this.openForm) {
        store.removeItem(this.key);
        return;
      }
      const record: DraftsRecord = { v: 1, at: Date.now(), open: this.openForm, drafts: [...this.drafts].map(([key, draft]) => ({ key, ...draft })) };
      store.setItem(this.key, JSON.stringify(record));
    } catch {
      // Private mode or full storage: the drafts stay in memory (a reload loses them).
    }
  }
}
