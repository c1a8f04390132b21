import { contextBridge, ipcRenderer } from 'electron';
import type { PRELOAD_GLOBAL, PreloadApi } from '../../shared/ipc';
import { createPreloadApi } from './api';

// Spelled out rather than imported so the bundle stays free of zod; the type keeps it in sync.
const GLOBAL_NAME: typeof PRELOAD_GLOBAL = 'alignboard';

const api = createPreloadApi(ipcRenderer) satisfies PreloadApi;

contextBridge.exposeInMainWorld(GLOBAL_NAME, api);
