import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import Store from 'electron-store';
import { startMain } from './lifecycle';
import { createMainWindow } from './window';

/** Electron's and the OS's real edges; everything else is in lifecycle.ts (tested in Node). */

const here = nodePath.dirname(fileURLToPath(import.meta.url));

startMain({
  app,
  protocol,
  session: session.defaultSession,
  ipcMain,
  setApplicationMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
  dialog,
  screen,
  focusedWindow: () => BrowserWindow.getFocusedWindow(),
  createMainWindow,
  createPrintWindow: (options) => new BrowserWindow(options),
  createAudienceWindow: (options) => new BrowserWindow(options),
  createStore: (options) => new Store(options as ConstructorParameters<typeof Store>[0]),
  fs,
  fsp,
  networkInterfaces,
  randomBytes: (size) => randomBytes(size),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  log: { info: (message) => console.log(message), warn: (message) => console.warn(message) },
  platform: process.platform,
  argv: process.argv,
  cwd: process.cwd(),
  rendererDir: nodePath.join(here, '../dist/renderer'),
  preloadPath: nodePath.join(here, 'preload.cjs'),
});
