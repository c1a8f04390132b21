import type { PreloadApi } from '../../../shared/ipc';
import type { Host } from './types';

export function createElectronHost(api: PreloadApi): Host {
  return {
    kind: 'electron',
    async appInfo() {
      const info = await api.invoke['app:info']();
      return { version: info.version, platform: info.platform };
    },
    systemLocale: () => navigator.language,
    getSettings: () => api.invoke['settings:get'](),
    setSettings: (patch) => api.invoke['settings:set'](patch),
    async saveWorkspaceFile(suggestedName, content) {
      const result = await api.invoke['file:saveWorkspace']({ suggestedName, content });
      return { saved: result.saved };
    },
    openWorkspaceFile: () => api.invoke['file:openWorkspace'](),
    backups: {
      save: (snapshot) => api.invoke['backup:save'](snapshot),
      list: () => api.invoke['backup:list'](),
      read: async (id) => (await api.invoke['backup:read'](id)).content,
    },
    onBackupDue: (listener) => api.on['backup:due'](({ reason }) => listener(reason)),
    onCommand: (listener) => api.on['menu:command'](listener),
    onFileOpened: (listener) => api.on['file:opened'](listener),
    async exportPdf(request) {
      const result = await api.invoke['pdf:export'](request);
      return { saved: result.saved };
    },
    async savePdf(suggestedName, bytes) {
      const result = await api.invoke['pdf:save']({ suggestedName, bytes: Uint8Array.from(bytes) });
      return { saved: result.saved };
    },
    async saveImage(suggestedName, bytes) {
      const result = await api.invoke['file:saveImage']({ suggestedName, bytes: Uint8Array.from(bytes) });
      return { saved: result.saved };
    },
    sealsExportedPdfs: true,
    async printReady(layout) {
      await api.invoke['pdf:ready']({ problem: null, ...(layout ? { orientation: layout.orientation } : {}) });
    },
    async printFailed(problem) {
      await api.invoke['pdf:ready']({ problem: problem.slice(0, 1000) || 'unknown problem' });
    },
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
  };
}
