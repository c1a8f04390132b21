import { PRELOAD_GLOBAL, type PreloadApi } from '@shared/ipc';
import { createBrowserHost } from './browserHost';
import { createElectronHost } from './electronHost';
import type { Host } from './types';

export type { Host, HostCommand, OpenedFile, PdfExportRequest } from './types';
export { HostError } from './hostError';

/** Chosen once at start: the Electron host when the preload exposed its API, the browser host otherwise. */
export function detectHost(): Host {
  const api = (window as unknown as Record<string, unknown>)[PRELOAD_GLOBAL] as PreloadApi | undefined;
  return api ? createElectronHost(api) : createBrowserHost();
}
