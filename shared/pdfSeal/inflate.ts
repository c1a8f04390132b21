/**
 * zlib inflate with a ceiling on the output, on the platform's own `DecompressionStream` (Node 18+,
 * Electron, every current browser): the zlib header and the Adler-32 checksum are checked, a
 * truncated stream is an error, and a PDF bomb stops at `maxBytes` instead of filling the memory.
 */

export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; detail: string };

export async function inflateCapped(input: Uint8Array, maxBytes: number): Promise<InflateResult> {
  if (typeof DecompressionStream !== 'function') return { ok: false, detail: 'this platform cannot decompress' };
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream('deflate');
  } catch (error) {
    return { ok: false, detail: `cannot decompress: ${String(error)}` };
  }
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Their rejections are seen through the reader; unobserved, they would be unhandled.
  writer.write(new Uint8Array(input)).catch(() => {});
  writer.close().catch(() => {});

  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = (await reader.read()) as { done: boolean; value?: unknown };
      if (done) break;
      if (!(value instanceof Uint8Array)) continue;
      total += value.byteLength;
      if (total > maxBytes) {
        reader.cancel().catch(() => {});
        return { ok: false, detail: `it decompresses to more than ${formatBytes(maxBytes)}` };
      }
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    return { ok: false, detail: `its compressed data is damaged (${error instanceof Error ? error.message : String(error)})` };
  }

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
