import type { AudienceWindows } from './audienceWindow';
import type { BackupStore } from './backup';
import type { createFileService } from './files';
import type { Handlers } from './ipc';
import type { PdfExporter } from './pdf';
import type { SettingsService } from './settings';
import type { AppSettings } from '../../shared/settings';
import { RoomError, type RoomHost } from '../../server/rooms/roomHost';
import { roomProblemMessage } from '../../shared/rooms/errors';

export type HandlerDeps = {
  appInfo: () => { version: string; platform: string; userDataPath: string };
  settings: SettingsService;
  files: ReturnType<typeof createFileService>;
  backups: BackupStore;
  pdf: Pick<PdfExporter, 'exportPdf' | 'savePdf'>;
  /** The room server (server/rooms), started by main for the renderer's board page. */
  rooms: Pick<RoomHost, 'addresses' | 'open' | 'status' | 'setLocked' | 'remove' | 'close'>;
  /** The audience window (audienceWindow.ts). */
  audience: Pick<AudienceWindows, 'open' | 'close'>;
  /** Called after a settings change was saved (e.g. to rebuild the menu in a new language). */
  onSettingsChanged: (next: AppSettings, previous: AppSettings) => void;
};

/** The implementation of every contract channel. Arguments arrive already validated by ipc.ts. */
export function createHandlers({ appInfo, settings, files, backups, pdf, rooms, audience, onSettingsChanged }: HandlerDeps): Handlers {
  return {
    'app:info': () => appInfo(),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => {
      const previous = settings.get().settings;
      const next = settings.update(patch);
      onSettingsChanged(next, previous);
      return next;
    },
    'file:saveWorkspace': (request) => files.saveWorkspace(request),
    'file:openWorkspace': () => files.openWorkspace(),
    'file:saveImage': (request) => files.saveImage(request),
    'backup:save': (snapshots) => backups.save(snapshots),
    'backup:list': () => backups.list(),
    'backup:read': (id) => backups.read(id),
    'pdf:export': (request) => pdf.exportPdf(request),
    'pdf:save': (request) => pdf.savePdf(request),
    // A print window's own `pdf:ready` is answered by the handler pdf.ts puts on that window's
    // webContents.ipc, which Electron asks first. What reaches this one comes from a page nobody
    // is printing (the print route opened in the app window): nothing to do.
    'pdf:ready': () => ({ printing: false }),
    'room:open': (request) => withRoomProblem(() => rooms.open(request)),
    'room:list': () => rooms.status(),
    'room:addresses': () => rooms.addresses(),
    'room:lock': (locked) => withRoomProblem(() => rooms.setLocked(locked)),
    'room:remove': (participantId) => withRoomProblem(() => rooms.remove(participantId)),
    'room:close': () => rooms.close(),
    'audience:open': () => audience.open(),
    'audience:close': () => {
      audience.close();
      return null;
    },
  };
}

/**
 * Only an error's message crosses IPC: a refused room request carries its kind and parameters in
 * it (shared/rooms/errors.ts), for the renderer to say in the user's language.
 */
async function withRoomProblem<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RoomError) throw new Error(roomProblemMessage(error.problem), { cause: error });
    throw error;
  }
}
