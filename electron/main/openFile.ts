import nodePath from 'node:path';
import { type HostErrorMessages, hostProblemText } from '../../shared/hostProblem';
import type { EventPayload } from '../../shared/ipc';
import { FILE_EXTENSION } from '../../shared/workspaceFile';
import { fileFailure } from './hostFailure';

/**
 * `.alignboard` files handed to the app by the OS: a path on the command line (first launch or a
 * second instance, e.g. double-click / "Open with") or macOS `open-file`. The file is read in main
 * and sent to the renderer as `file:opened` once the page can receive it.
 */

/** The first argument naming a workspace file, made absolute against the launching directory. */
export function findWorkspaceArg(argv: readonly string[], workingDirectory: string): string | null {
  for (const arg of argv) {
    if (arg.startsWith('-')) continue; // Chromium/Electron switches
    if (!arg.toLowerCase().endsWith(FILE_EXTENSION)) continue;
    return nodePath.resolve(workingDirectory, arg);
  }
  return null;
}

export type FileOpenerDeps = {
  read: (filePath: string) => Promise<EventPayload<'file:opened'>>;
  /** Returns false when no page is ready to receive it. */
  send: (payload: EventPayload<'file:opened'>) => boolean;
  /** Shown natively when the file cannot be read (the renderer never learns of it). */
  showError: (message: string) => void;
  /** The failure sentences in the menu's language. */
  labels: () => HostErrorMessages;
};

/**
 * Files can arrive before the window exists (macOS delivers `open-file` before `ready`), so they
 * wait in a queue until `pageReady()` is called from the window's `did-finish-load`.
 */
export function createFileOpener({ read, send, showError, labels }: FileOpenerDeps) {
  let ready = false;
  const pending: EventPayload<'file:opened'>[] = [];

  const deliver = (payload: EventPayload<'file:opened'>) => {
    if (!ready || !send(payload)) pending.push(payload);
  };

  return {
    async open(filePath: string): Promise<void> {
      let payload: EventPayload<'file:opened'>;
      try {
        payload = await read(filePath);
      } catch (error) {
        showError(hostProblemText(fileFailure(error, nodePath.basename(filePath), 'read').problem, labels()));
        return;
      }
      deliver(payload);
    },
    pageReady(): void {
      ready = true;
      for (const payload of pending.splice(0)) deliver(payload);
    },
    pageGone(): void {
      ready = false;
    },
  };
}
