/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme) and SHA-256, for the content hash of
 * signed SLA versions: the same content always gives the same bytes, hence the same hash, on
 * every OS and engine, and anyone can recompute it from the JSON embedded in the PDF.
 *
 * - Object keys sorted by their UTF-16 code units (JavaScript's default string order), recursively.
 * - No whitespace.
 * - Numbers in the ECMAScript Number::toString form (JCS §3.2.2.3): 1.0 → 1, 1e21 → 1e+21,
 *   -0 → 0, 0.000001 → 0.000001, 1e-7 → 1e-7. NaN and ±Infinity are rejected.
 * - Strings escaped as JSON.stringify does (JCS §3.2.2.2: \b \t \n \f \r \" \\, other control
 *   characters as \u00xx, everything else literal). Lone surrogates are rejected (not I-JSON).
 * - Only JSON data: null, booleans, finite numbers, strings, arrays, plain objects. `undefined`
 *   (as a value, an array element or an object property), functions, symbols, bigints, Dates,
 *   Maps, class instances, sparse arrays and cycles are rejected with a CanonicalJsonError: the
 *   hash must never depend on what JSON.stringify would silently drop or convert.
 *
 * No dependency: JCS is this small when the engine provides ECMAScript number serialization.
 */

export type CanonicalJsonErrorReason = 'not-finite' | 'undefined' | 'unsupported-type' | 'not-plain-object' | 'sparse-array' | 'lone-surrogate' | 'cycle';

export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
  constructor(
    readonly reason: CanonicalJsonErrorReason,
    /** JSON-pointer-like path of the offending value ('' for the root). */
    readonly path: string,
  ) {
    super(`Cannot canonicalize ${path || 'the value'}: ${reason}`);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serializeString(text: string, path: string): string {
  if (LONE_SURROGATE.test(text)) throw new CanonicalJsonError('lone-surrogate', path);
  return JSON.stringify(text);
}

function serialize(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('not-finite', path);
      // Number::toString; String(-0) is already "0".
      return String(value);
    case 'string':
      return serializeString(value, path);
    case 'undefined':
      throw new CanonicalJsonError('undefined', path);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError('unsupported-type', path);
  }
  const object = value as object;
  if (ancestors.has(object)) throw new CanonicalJsonError('cycle', path);
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      const parts: string[] = [];
      for (let i = 0; i < object.length; i++) {
        if (!(i in object)) throw new CanonicalJsonError('sparse-array', `${path}/${i}`);
        parts.push(serialize(object[i], `${path}/${i}`, ancestors));
      }
      return `[${parts.join(',')}]`;
    }
    const prototype = Object.getPrototypeOf(object) as unknown;
    if (prototype !== Object.prototype && prototype !== null) throw new CanonicalJsonError('not-plain-object', path);
    if (Object.getOwnPropertySymbols(object).length > 0) throw new CanonicalJsonError('unsupported-type', path);
    const record = object as Record<string, unknown>;
    // Default sort compares UTF-16 code units, exactly as JCS §3.2.3 requires.
    const keys = Object.keys(record).sort();
    const parts = keys.map((key) => {
      const childPath = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      return `${serializeString(key, childPath)}:${serialize(record[key], childPath, ancestors)}`;
    });
    return `{${parts.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}

/** The RFC 8785 canonical JSON text of `value`. Throws CanonicalJsonError for non-JSON data. */
export function canonicalJson(value: unknown): string {
  return serialize(value, '', new Set());
}

/** True when `text` is valid JSON already in canonical form (as a verifier must check). */
export function isCanonicalJson(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}

/** Structural equality of two JSON values (same canonical JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function toBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input;
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** SHA-256 of the UTF-8 bytes of `input` (or of the bytes given), lowercase hex, via Web Crypto. */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const bytes = toBytes(input);
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return hex(new Uint8Array(digest));
}

// FIPS 180-4 constants: first 32 bits of the fractional parts of the cube roots of the first 64
// primes (K) and of the square roots of the first 8 primes (H0).
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19] as const;

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/**
 * SHA-256, synchronously, in plain TypeScript (FIPS 180-4), for callers that cannot await (e.g.
 * inside a render). Same output as {@link sha256Hex}; prefer the async one, which uses the
 * platform's native implementation.
 */
export function sha256HexSync(input: string | Uint8Array): string {
  const data = toBytes(input);
  const length = Math.ceil((data.length + 9) / 64) * 64;
  const buffer = new Uint8Array(length);
  buffer.set(data);
  buffer[data.length] = 0x80;
  const view = new DataView(buffer.buffer);
  // Message length in bits as a 64-bit big-endian integer.
  view.setUint32(length - 8, Math.floor(data.length / 0x20000000));
  view.setUint32(length - 4, (data.length * 8) >>> 0);
  const h = Uint32Array.from(H0);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15]!;
      const w2 = w[t - 2]!;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const choice = (e & f) ^ (~e & g);
      const t1 = (hh + s1 + choice + K[t]! + w[t]!) | 0;
      const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const majority = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (s0 + majority) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0]! += a;
    h[1]! += b;
    h[2]! += c;
    h[3]! += d;
    h[4]! += e;
    h[5]! += f;
    h[6]! += g;
    h[7]! += hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
  return hex(out);
}

/**
 * What a signature covers. The signed content of an SLA version is the canonical JSON of exactly
 * these five members; its SHA-256 is the version's hash, printed in the PDF footer and embedded
 * (with the JSON itself) in the PDF.
 */
export interface SignedContent<TDocument = unknown, TSigner = unknown, TSignature = unknown, TVersion = unknown> {
  document: TDocument;
  signers: TSigner;
  signatures: TSignature;
  version: TVersion;
  /** ISO 8601 date-time at which the last signature was added. */
  signedAt: string;
}

/** The canonical JSON text of the signed content (only its five members, nothing else). */
export function signedContentJson(content: SignedContent): string {
  const { document, signers, signatures, version, signedAt } = content;
  return canonicalJson({ document, signers, signatures, version, signedAt });
}

/** The canonical JSON of the signed content and its SHA-256 (hex). */
export async function hashSignedContent(content: SignedContent): Promise<{ json: string; hash: string }> {
  const json = signedContentJson(content);
  return { json, hash: await sha256Hex(json) };
}
