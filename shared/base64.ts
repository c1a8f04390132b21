/**
 * Base64 for Uint8Array that works in browsers and Node alike. Where the engine has the native
 * Uint8Array base64 methods (Chromium 140+, so Electron and the browser build), they do the work
 * in one native pass; elsewhere (Node 20, the unit tests) atob/btoa do. Both give the same result:
 * the canonical-form checks below run before either decoder.
 */

type NativeBase64 = {
  toBase64?: () => string;
};
type NativeBase64Constructor = {
  fromBase64?: (text: string, options: { lastChunkHandling: 'strict' }) => Uint8Array;
};

export function bytesToBase64(bytes: Uint8Array): string {
  if ((bytes as NativeBase64).toBase64) return (bytes as NativeBase64).toBase64!();
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

// A single character-class loop: unlike a `(?:x{4})*` group loop, V8 runs it without a backtrack
// entry per repetition, so it does not overflow the regexp stack on multi-megabyte documents.
const BASE64_BODY = /^[A-Za-z0-9+/]*$/;
// In canonical base64 the bits of the last character that fall into the padding are zero.
const LAST_BEFORE_ONE_PAD = /[AEIMQUYcgkosw048]$/;
const LAST_BEFORE_TWO_PADS = /[AQgw]$/;

/** Returns null for anything that is not canonical base64, rather than guessing. */
export function base64ToBytes(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const body = text.slice(0, text.length - padding);
  if (!BASE64_BODY.test(body)) return null;
  if (padding === 1 && !LAST_BEFORE_ONE_PAD.test(body)) return null;
  if (padding === 2 && !LAST_BEFORE_TWO_PADS.test(body)) return null;
  // The native decoder would skip white space and take other forms: it only ever sees text that
  // passed the checks above.
  const native = Uint8Array as NativeBase64Constructor;
  if (native.fromBase64) return native.fromBase64(text, { lastChunkHandling: 'strict' });
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
