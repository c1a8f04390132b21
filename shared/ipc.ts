import { z } from 'zod';
import { WorkspaceText } from './fileLimits';
import { PdfExportRequest, PrintReadyReport } from './pdf';
import { OpenRoom, RoomAddress, RoomOpenRequest, RoomStatus } from './rooms/protocol';
import { AppSettings, RendererSettingsPatch } from './settings';

/**
 * The one IPC contract between the renderer and main. Each invoke channel maps to zod schemas for
 * its argument and its result; main validates arguments (and the sender) before any handler runs,
 * the preload builds its API from this table, so neither side can drift from the other.
 */
export const SettingsResult = z.object({
  settings: AppSettings,
  /** Set when the stored settings were unreadable and defaults were used instead. */
  problem: z.string().nullable(),
});

export const BackupEntry = z.object({
  id: z.string(),
  /**
   * Which backup is newer: a counter that only grows, because the clock can jump (a clock once set
   * ahead made every new backup look older than the last ten). 0 for backups made before it existed.
   */
  seq: z.number().int().nonnegative(),
  workspaceId: z.string(),
  createdAt: z.string(),
  workspaceName: z.string(),
  size: z.number().int().nonnegative(),
  /** The workspace's `updatedAt` when it was backed up (null if unknown): unchanged means equal. */
  workspaceUpdatedAt: z.string().nullable(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

export const BackupSnapshot = z.object({
  workspaceId: z.string().min(1).max(200),
  workspaceName: z.string().max(500),
  workspaceUpdatedAt: z.string().max(100).nullable(),
  content: WorkspaceText,
});
export type BackupSnapshot = z.infer<typeof BackupSnapshot>;

/** A backup id is a file name we created ourselves: no separators, no dots at the start. */
export const BackupId = z.string().regex(/^[A-Za-z0-9_-]+\.alignboard$/, 'not a backup id').max(300);

/** Where the audience window went: full screen on a second display, or a normal window to move. */
export const AudiencePlacement = z.enum(['external-display', 'window']);
export type AudiencePlacement = z.infer<typeof AudiencePlacement>;

export const invokeChannels = {
  'app:info': {
    args: z.tuple([]),
    result: z.object({ version: z.string(), platform: z.string(), userDataPath: z.string() }),
  },
  'settings:get': { args: z.tuple([]), result: SettingsResult },
  /** The page may change what the user chooses; the export folder is main's to remember. */
  'settings:set': { args: z.tuple([RendererSettingsPatch]), result: AppSettings },
  'file:saveWorkspace': {
    args: z.tuple([z.object({ suggestedName: z.string().min(1).max(200), content: WorkspaceText })]),
    result: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'file:openWorkspace': {
    args: z.tuple([]),
    result: z.object({ fileName: z.string(), content: z.string() }).nullable(),
  },
  /** One workspace per call, so one that cannot be saved never takes the others with it. */
  'backup:save': { args: z.tuple([BackupSnapshot]), result: BackupEntry },
  'backup:list': { args: z.tuple([]), result: z.array(BackupEntry) },
  'backup:read': { args: z.tuple([BackupId]), result: z.object({ content: z.string() }) },
  /** Prints a print route in a hidden window and offers the PDF in a save dialog. */
  'pdf:export': {
    args: z.tuple([PdfExportRequest]),
    result: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /** Offers a PDF the renderer made (e.g. a browser-printed SLA it sealed) in a save dialog. */
  'pdf:save': {
    args: z.tuple([
      z.object({
        suggestedName: z.string().min(1).max(200),
        bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= 200 * 1024 * 1024, 'at most 200 MB'),
      }),
    ]),
    result: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /** Offers an image the renderer drew (a whole board as PNG) in a save dialog. */
  'file:saveImage': {
    args: z.tuple([
      z.object({
        suggestedName: z.string().min(1).max(200),
        bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= 200 * 1024 * 1024, 'at most 200 MB'),
      }),
    ]),
    result: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /**
   * A print page says it is laid out with its data and fonts (or why it cannot be printed).
   * `printing` is true when main was waiting for that page, i.e. it is a hidden print window.
   */
  'pdf:ready': { args: z.tuple([PrintReadyReport]), result: z.object({ printing: z.boolean() }) },
  /**
   * Rooms (see shared/rooms/protocol.ts): open one for a board with its current Y.Doc state (main
   * starts the room server; the renderer then joins over loopback with `facilitator`), list who is
   * in it, lock it (participants read only), remove a participant, close it.
   */
  'room:open': { args: z.tuple([RoomOpenRequest]), result: OpenRoom },
  'room:list': { args: z.tuple([]), result: RoomStatus },
  /** The addresses participants could reach this computer at (the facilitator picks one to show). */
  'room:addresses': { args: z.tuple([]), result: z.array(RoomAddress) },
  'room:lock': { args: z.tuple([z.boolean()]), result: RoomStatus },
  'room:remove': { args: z.tuple([z.string().min(1).max(100)]), result: RoomStatus },
  'room:close': { args: z.tuple([]), result: RoomStatus },
  /**
   * The audience window (issue 10): open it (or bring it forward), placed full screen on a display
   * other than the app window's when there is one, else as a normal window; close it.
   */
  'audience:open': { args: z.tuple([]), result: z.object({ placement: AudiencePlacement }) },
  'audience:close': { args: z.tuple([]), result: z.null() },
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeArgs<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['args']>;
export type InvokeResult<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['result']>;

/** Commands main sends to the renderer (menu items, timers). */
export const MENU_COMMANDS = [
  'new-workspace',
  'import-workspace',
  'export-workspace',
  'restore-backup',
  'open-settings',
  'cycle-theme',
  'about',
  /** "Show on projector": the renderer opens the audience window, or closes it when open. */
  'toggle-audience',
] as const;
export const MenuCommand = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommand>;

export const eventChannels = {
  'menu:command': MenuCommand,
  /** Main asks the renderer for workspace snapshots (at start and every 24 h). */
  'backup:due': z.object({ reason: z.enum(['startup', 'interval']) }),
  /** A `.alignboard` file opened from the OS (double-click, file association, second instance). */
  'file:opened': z.object({ fileName: z.string(), content: z.string() }),
  /** The room's status after every change (a participant joined, went offline, was removed; lock; close). */
  'room:changed': RoomStatus,
  /** The audience window closed: the user closed it, its display was unplugged, or its page crashed. */
  'audience:closed': z.object({ reason: z.enum(['closed', 'display-removed', 'crashed']) }),
} as const;
export type EventChannel = keyof typeof eventChannels;
export type EventPayload<C extends EventChannel> = z.infer<(typeof eventChannels)[C]>;

/** The API object the preload exposes on `window.alignboard`. */
export type PreloadApi = {
  invoke: { [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResult<C>> };
  on: { [C in EventChannel]: (listener: (payload: EventPayload<C>) => void) => () => void };
};

export const PRELOAD_GLOBAL = 'alignboard';
