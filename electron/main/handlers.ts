import type { BackupStore } from './backup';
import type { createFileService } from './files';
import type { Handlers } from './ipc';
import type { SettingsService } from './settings';
import type { AppSettings } from '../../shared/settings';

export type HandlerDeps = {
  appInfo: () => { version: string; platform: string; userDataPath: string };
  settings: SettingsService;
  files: ReturnType<typeof createFileService>;
  backups: BackupStore;
  /** Called after a settings change was saved (e.g. to rebuild the menu in a new language). */
  onSettingsChanged: (next: AppSettings, previous: AppSettings) => void;
};

/** The implementation of every contract channel. Arguments arrive already validated by ipc.ts. */
export function createHandlers({ appInfo, settings, files, backups, onSettingsChanged }: HandlerDeps): Handlers {
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
    'backup:save': (snapshots) => backups.save(snapshots),
    'backup:list': () => backups.list(),
    'backup:read': (id) => backups.read(id),
  };
}
