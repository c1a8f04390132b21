import { z } from 'zod';

/** The workspace file's extension (workspaceFile.ts re-exports it; here, the host's file dialogs and downloads need no file schema). */
export const FILE_EXTENSION = '.alignboard';

/**
 * The file's format name and version (workspaceFile.ts re-exports them; here, a message about a
 * file that is too new needs no file schema). Bump FILE_VERSION with a named step in migrateFile.ts
 * whenever the shape changes.
 */
export const FILE_FORMAT = 'alignboard-workspace';
export const FILE_VERSION = 2;

/**
 * One size limit for a workspace file wherever it goes: exported, imported or backed up. Measured
 * in UTF-8 bytes, the unit of the file on disk, so a file the app wrote always fits when it is read
 * back. (Export allowed 500 MB of characters once while import read at most 200 MB of bytes: a
 * large Japanese workspace could be exported but not imported.)
 *
 * 200 MiB because import holds the text and its parsed JSON in the page at once.
 */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * Bytes `text` takes in UTF-8, without encoding it (a 200 MB copy just to measure would double the
 * memory of the largest workspaces). A lone surrogate counts 3 bytes, as TextEncoder writes U+FFFD.
 */
export function utf8ByteLength(text: string): number {
  // Most workspace files are mostly ASCII; one native scan answers for those.
  // oxlint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A surrogate pair: two UTF-16 units, four bytes.
        bytes += 2;
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

export function isWithinFileLimit(bytes: number): boolean {
  return bytes <= MAX_FILE_BYTES;
}

/** `12.3 MB` / `200 MB` (MiB, as the limit is), for messages. */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

/**
 * A zod string holding workspace-file text of at most `maxBytes` UTF-8 bytes. The length check
 * runs first (no string of more characters than bytes allowed can fit), so a huge argument is
 * refused before it is walked.
 */
const tooLarge = (maxBytes: number) => `larger than the ${formatMegabytes(maxBytes)} limit for a workspace file`;

export function workspaceText(maxBytes = MAX_FILE_BYTES) {
  return z
    .string()
    .max(maxBytes, { message: tooLarge(maxBytes), abort: true })
    .refine((text) => utf8ByteLength(text) <= maxBytes, { message: tooLarge(maxBytes) });
}

/** The text of a workspace file at the one limit: what export and backup accept over IPC. */
export const WorkspaceText = workspaceText(MAX_FILE_BYTES);
