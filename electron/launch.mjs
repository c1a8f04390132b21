#!/usr/bin/env node
// `npm start`: build, then run the desktop app in Electron. The logic is in launcher.mjs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './launcher.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(projectDir, 'package.json'));

/** @param {string} name */
function resolvePackageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

process.exitCode = await launch({
  projectDir,
  nodePath: process.execPath,
  env: process.env,
  platform: process.platform,
  fs,
  resolvePackageDir,
  spawnSync,
  spawn,
  onSignal: (signal, listener) => process.on(signal, listener),
  log: (message) => console.log(message),
  error: (message) => console.error(message),
});
