import type { PreloadApi } from '@shared/ipc';
import { hostCall } from './hostError';
import type { Host } from './types';

/**
 * The desktop host: every call goes through the preload API, and whatever main rejects with comes
 * back as a HostError (the typed problem main sent, worded in the UI language).
 */
export function createElectronHost(api: PreloadApi): Host {
  return {
    kind: 'electron',
    appInfo: () =>
      hostCall(async () => {
        const info = await api.invoke['app:info']();
        return { version: info.version, platform: info.platform };
      }),
    systemLocale: () => navigator.language,
    getSettings: () => hostCall(() => api.invoke['settings:get']()),
    setSettings: (patch) => hostCall(() => api.invoke['settings:set'](patch)),
    saveWorkspaceFile: (suggestedName, content) =>
      hostCall(async () => {
        const result = await api.invoke['file:saveWorkspace']({ suggestedName, content });
        return { saved: result.saved };
      }),
    openWorkspaceFile: () => hostCall(() => api.invoke['file:openWorkspace']()),
    backups: {
      save: (snapshot) => hostCall(() => api.invoke['backup:save'](snapshot)),
      list: () => hostCall(() => api.invoke['backup:list']()),
      read: (id) => hostCall(async () => (await api.invoke['backup:read'](id)).content),
    },
    onBackupDue: (listener) => api.on['backup:due'](({ reason }) => listener(reason)),
    onCommand: (listener) => api.on['menu:command'](listener),
    onFileOpened: (listener) => api.on['file:opened'](listener),
    exportPdf: (request) =>
      hostCall(async () => {
        const result = await api.invoke['pdf:export'](request);
        return { saved: result.saved };
      }),
    savePdf: (suggestedName, bytes) =>
      hostCall(async () => {
        const result = await api.invoke['pdf:save']({ suggestedName, bytes: Uint8Array.from(bytes) });
        return { saved: result.saved };
      }),
    saveImage: (suggestedName, bytes) =>
      hostCall(async () => {
        const result = await api.invoke['file:saveImage']({ suggestedName, bytes: Uint8Array.from(bytes) });
        return { saved: result.saved };
      }),
    sealsExportedPdfs: true,
    printReady: (layout) =>
      hostCall(async () => {
        await api.invoke['pdf:ready']({ problem: null, ...(layout ? { orientation: layout.orientation } : {}) });
      }),
    printFailed: (problem) =>
      hostCall(async () => {
        await api.invoke['pdf:ready']({ problem: problem.slice(0, 1000) || 'unknown problem' });
      }),
    rooms: {
      addresses: () => api.invoke['room:addresses'](),
      open: (request) => api.invoke['room:open'](request),
      status: () => api.invoke['room:list'](),
      lock: (locked) => api.invoke['room:lock'](locked),
      remove: (participantId) => api.invoke['room:remove'](participantId),
      close: () => api.invoke['room:close'](),
      onChange: (listener) => api.on['room:changed'](listener),
      pushes: true,
    },
    audience: {
      open: () => hostCall(() => api.invoke['audience:open']()),
      close: () =>
        hostCall(async () => {
          await api.invoke['audience:close']();
        }),
      onClosed: (listener) => api.on['audience:closed'](() => listener()),
    },
  };
}
