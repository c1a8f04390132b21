import type { Stats } from 'node:fs';
import nodePath from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { InvokeResult } from '../../shared/ipc';
import { MAX_FILE_BYTES } from '../../shared/fileLimits';
import { looksLikePng } from '../../shared/png';
import { FILE_EXTENSION } from '../../shared/workspaceFile';
import { writeFileAtomic, type AtomicWriteFs } from './atomicWrite';
import { fileFailure, HostFailure } from './hostFailure';

/**
 * Export (save dialog + atomic write) and import (open dialog + size-checked UTF-8 read) of
 * `.alignboard` files. The renderer builds and parses the JSON; main only moves text to and from
 * the disk the user picked.
 */

export type FilesFs = AtomicWriteFs & {
  stat(path: string): Promise<Pick<Stats, 'size' | 'isFile' | 'isDirectory'>>;
  readFile(path: string): Promise<Uint8Array>;
};

/** Electron's dialog (bound to the app window), reduced to the answers we read. */
export type FileDialogs = {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
};

export type FilesDeps = {
  dialog: FileDialogs;
  fs: FilesFs;
  /** The remembered export folder (settings) and how to remember a new one. */
  lastFolder: () => string | null;
  rememberFolder: (folder: string) => void;
  /** Where dialogs start when nothing is remembered (the user's Documents folder). */
  defaultFolder: () => string;
  labels: () => { exportTitle: string; importTitle: string; imageTitle: string; imageFilter: string; workspaceFilter: string; allFilesFilter: string };
};

/**
 * Temporary files older than this in the last export folder are left from a crash and removed at
 * start. Younger ones may belong to a save still running from another computer (a shared folder).
 */
export const STALE_EXPORT_TEMP_MS = 60 * 60 * 1000;

const EXTENSION = FILE_EXTENSION.slice(1);
const RESERVED_WINDOWS_NAME = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
function isForbiddenInFileName(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || '<>:"/\\|?*'.includes(char);
}

/**
 * File names are capped in UTF-8 bytes, not characters: ext4, APFS and most others allow 255 bytes
 * per name, and a Japanese character takes 3 (150 characters were 450 bytes). 200 leaves room for
 * " (2)" style suffixes that dialogs and sync tools add.
 */
export const MAX_FILE_NAME_BYTES = 200;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest start of `text` that fits in `maxBytes` of UTF-8, cut between whole graphemes. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    bytes += Buffer.byteLength(segment, 'utf8');
    if (bytes > maxBytes) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** The part before the extension of a file name every OS accepts, at most `maxBytes` long. */
function safeBaseName(suggested: string, extension: string, maxBytes: number): string {
  let name = Array.from(suggested.normalize('NFC'), (char) => (isForbiddenInFileName(char) ? '-' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  if (name.toLowerCase().endsWith(extension)) name = name.slice(0, -extension.length).replace(/[. ]+$/, '');
  if (RESERVED_WINDOWS_NAME.test(name)) name = `_${name}`;
  // Trailing dots and spaces again: Windows drops them, and a cut can leave one at the end.
  name = truncateUtf8(name, maxBytes).replace(/[. ]+$/, '').trim();
  return name || 'workspace';
}

/** A file name every OS accepts, ending in `extension`, at most MAX_FILE_NAME_BYTES long. */
export function safeFileName(suggested: string, extension: string = FILE_EXTENSION): string {
  return `${safeBaseName(suggested, extension, MAX_FILE_NAME_BYTES - Buffer.byteLength(extension))}${extension}`;
}

/** A PNG file name every OS accepts, from a board name. */
export function pngFileName(suggested: string): string {
  return safeFileName(suggested, '.png');
}

/** The path the user chose, with `extension` added unless it already ends in it (any case). */
export function withExtension(filePath: string, extension: string = FILE_EXTENSION): string {
  return filePath.toLowerCase().endsWith(extension) ? filePath : `${filePath}${extension}`;
}

/**
 * Reads a workspace file as text. Refuses what cannot be one before loading it into memory:
 * a folder, anything over MAX_FILE_BYTES, bytes that are not UTF-8. A UTF-8 byte-order mark is
 * dropped (some editors add one and JSON.parse rejects it).
 */
export async function readWorkspaceFile(fs: FilesFs, filePath: string): Promise<{ fileName: string; content: string }> {
  const fileName = nodePath.basename(filePath);
  const unreadable = (error: unknown) => fileFailure(error, fileName, 'read');
  const info = await fs.stat(filePath).catch((error: unknown) => {
    throw unreadable(error);
  });
  if (!info.isFile()) throw new HostFailure({ kind: 'not-a-file', fileName });
  const tooLarge = (bytes: number) => new HostFailure({ kind: 'file-too-large', fileName, bytes, limit: MAX_FILE_BYTES });
  if (info.size > MAX_FILE_BYTES) throw tooLarge(info.size);
  const bytes = await fs.readFile(filePath).catch((error: unknown) => {
    throw unreadable(error);
  });
  // The file may have grown between stat and read.
  if (bytes.byteLength > MAX_FILE_BYTES) throw tooLarge(bytes.byteLength);
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new HostFailure({ kind: 'not-utf8', fileName }, { cause: error });
  }
  return { fileName, content };
}

/** Where a save dialog opens: the last folder used if it still exists, else the default one. */
export async function startFolder(deps: {
  lastFolder(): string | null;
  defaultFolder(): string;
  fs: { stat(path: string): Promise<{ isDirectory(): boolean }> };
}): Promise<string> {
  const remembered = deps.lastFolder();
  if (remembered) {
    try {
      if ((await deps.fs.stat(remembered)).isDirectory()) return remembered;
    } catch {
      // The folder was removed or its drive unplugged: fall back to Documents.
    }
  }
  return deps.defaultFolder();
}

export function createFileService(deps: FilesDeps) {

  async function saveWorkspace(args: {
    suggestedName: string;
    content: string;
  }): Promise<InvokeResult<'file:saveWorkspace'>> {
    const folder = await startFolder(deps);
    const labels = deps.labels();
    const choice = await deps.dialog.showSaveDialog({
      title: labels.exportTitle,
      defaultPath: nodePath.join(folder, safeFileName(args.suggestedName)),
      filters: [{ name: labels.workspaceFilter, extensions: [EXTENSION] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false, path: null };
    // Linux file choosers do not append the filter's extension themselves.
    const target = withExtension(choice.filePath);
    await writeFileAtomic(deps.fs, target, args.content).catch((error: unknown) => {
      throw fileFailure(error, nodePath.basename(target), 'write');
    });
    try {
      deps.rememberFolder(nodePath.dirname(target));
    } catch {
      // The file is saved; failing to remember its folder must not report the export as failed.
    }
    return { saved: true, path: target };
  }

  async function openWorkspace(): Promise<InvokeResult<'file:openWorkspace'>> {
    const labels = deps.labels();
    const choice = await deps.dialog.showOpenDialog({
      title: labels.importTitle,
      defaultPath: await startFolder(deps),
      filters: [
        { name: labels.workspaceFilter, extensions: [EXTENSION] },
        { name: labels.allFilesFilter, extensions: ['*'] },
      ],
      properties: ['openFile'],
    });
    const filePath = choice.filePaths[0];
    if (choice.canceled || !filePath) return null;
    return readWorkspaceFile(deps.fs, filePath);
  }

  /** Offers a PNG the renderer drew in a save dialog and writes it atomically; anything else is refused first. */
  async function saveImage(args: { suggestedName: string; bytes: Uint8Array }): Promise<InvokeResult<'file:saveImage'>> {
    if (!looksLikePng(args.bytes)) throw new HostFailure({ kind: 'not-png' });
    const labels = deps.labels();
    const choice = await deps.dialog.showSaveDialog({
      title: labels.imageTitle,
      defaultPath: nodePath.join(await startFolder(deps), pngFileName(args.suggestedName)),
      filters: [{ name: labels.imageFilter, extensions: ['png'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false, path: null };
    const target = withExtension(choice.filePath, '.png');
    await writeFileAtomic(deps.fs, target, args.bytes).catch((error: unknown) => {
      throw fileFailure(error, nodePath.basename(target), 'write');
    });
    try {
      deps.rememberFolder(nodePath.dirname(target));
    } catch {
      // The file is saved; failing to remember its folder must not report the export as failed.
    }
    return { saved: true, path: target };
  }

  return { saveWorkspace, openWorkspace, saveImage };
}
