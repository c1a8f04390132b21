import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Deterministic pseudo-random bytes (mulberry32), so a failure reproduces. */
function randomBytes(length: number, seed: number): Uint8Array {
  let a = seed >>> 0;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    bytes[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return bytes;
}

/** Node's own encoder as the reference. */
const reference = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

type Native = { toBase64?: () => string };
type NativeConstructor = { fromBase64?: (text: string, options: unknown) => Uint8Array };

/**
 * Stand-ins for the native Uint8Array base64 methods (Chromium 140+; Node 20 has none), as lenient
 * as the real ones are by default and more: Node's decoder skips white space and takes the URL-safe
 * alphabet, so the rejection cases below prove the canonical checks run before the native call.
 */
function withNativeBase64() {
  const calls = { toBase64: 0, fromBase64: 0 };
  beforeAll(() => {
    (Uint8Array.prototype as Native).toBase64 = function (this: Uint8Array) {
      calls.toBase64 += 1;
      return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('base64');
    };
    (Uint8Array as NativeConstructor).fromBase64 = (text, options) => {
      calls.fromBase64 += 1;
      expect(options).toEqual({ lastChunkHandling: 'strict' });
      return new Uint8Array(Buffer.from(text, 'base64'));
    };
  });
  afterAll(() => {
    delete (Uint8Array.prototype as Native).toBase64;
    delete (Uint8Array as NativeConstructor).fromBase64;
    // The native path really ran.
    expect(calls.toBase64).toBeGreaterThan(10);
    expect(calls.fromBase64).toBeGreaterThan(10);
  });
}

describe.each(['atob and btoa', 'the native Uint8Array methods'])('with %s', (engine) => {
  if (engine !== 'atob and btoa') withNativeBase64();

  describe('bytesToBase64 / base64ToBytes', () => {
    it.each([0, 1, 2, 3, 4, 5, 57, 100, 255, 0x8000 - 1, 0x8000, 0x8000 + 1, 3 * 0x8000 + 2, 100_000])(
      'round-trips %i random bytes and matches Node’s encoder',
      (length) => {
        const bytes = randomBytes(length, length + 1);
        const text = bytesToBase64(bytes);
        expect(text).toBe(reference(bytes));
        expect(base64ToBytes(text)).toEqual(bytes);
      },
    );

    it('round-trips every byte value', () => {
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    });

    it('round-trips a 12 MiB document (longer than a regexp group loop can backtrack over)', () => {
      const bytes = randomBytes(12 * 1024 * 1024, 99);
      const text = bytesToBase64(bytes);
      expect(text.length).toBe(16 * 1024 * 1024);
      expect(text).toBe(reference(bytes));
      const back = base64ToBytes(text);
      expect(back?.length).toBe(bytes.length);
      expect(Buffer.from(back!).equals(Buffer.from(bytes))).toBe(true);
      // Large inputs: a guard against hangs, not a speed target (2 shared cores can take >5 s).
    }, 60_000);

    it('decodes a subarray view by its own bytes only', () => {
      const bytes = randomBytes(100, 5);
      const view = bytes.subarray(10, 20);
      expect(base64ToBytes(bytesToBase64(view))).toEqual(bytes.slice(10, 20));
    });

    it('decodes "" to no bytes', () => {
      expect(bytesToBase64(new Uint8Array(0))).toBe('');
      expect(base64ToBytes('')).toEqual(new Uint8Array(0));
    });

    it('returns a real Uint8Array', () => {
      expect(base64ToBytes('AAEC')).toBeInstanceOf(Uint8Array);
      expect([...base64ToBytes('AAEC')!]).toEqual([0, 1, 2]);
    });
  });

  describe('base64ToBytes rejects non-canonical input', () => {
    it.each([
      ['missing padding', 'QQ'],
      ['missing one padding character', 'QUI'],
      ['length not a multiple of 4', 'QUJDR'],
      ['too much padding', 'Q==='],
      ['only padding', '===='],
      ['padding in the middle', 'QQ==QUJD'],
      ['padding at the start', '=QUJ'],
      ['a space', 'QU JD'],
      ['a leading space', ' QUJD'],
      ['a trailing newline', 'QUJD\n'],
      ['MIME line breaks', `${'QUJD'.repeat(19)}\r\n${'QUJD'.repeat(19)}`],
      ['URL-safe alphabet (-)', 'ab-d'],
      ['URL-safe alphabet (_)', 'ab_d'],
      ['punctuation', 'ab!d'],
      ['non-ASCII letters', 'abçd'],
      ['a full-width letter', 'ＱＵＪＤ'],
      ['a NUL character', 'QUJ\u0000'],
      ['data URL prefix', 'data:application/octet-stream;base64,QUJD'],
      ['non-zero bits under two padding characters', 'QR=='],
      ['non-zero bits under one padding character', 'QUJ='],
    ])('%s: %j', (_why, text) => {
      expect(base64ToBytes(text)).toBeNull();
    });

    it('accepts exactly the final characters that leave the padded bits zero', () => {
      const texts = [...ALPHABET].flatMap((last) => [`Q${last}==`, `QU${last}=`, `QUJ${last}`]);
      const accepted = texts.filter((text) => base64ToBytes(text) !== null);
      const canonical = texts.filter((text) => reference(Buffer.from(text, 'base64')) === text);
      expect(accepted).toEqual(canonical);
      // 4 of 64 characters work before "==", 16 before "=", all 64 without padding.
      expect(accepted).toHaveLength(4 + 16 + 64);
    });

    it('rejects a bad character anywhere in a long string without throwing', () => {
      const good = bytesToBase64(randomBytes(3 * 1024 * 1024, 3));
      expect(base64ToBytes(good)).not.toBeNull();
      for (const at of [0, 1, good.length / 2, good.length - 5]) {
        expect(base64ToBytes(`${good.slice(0, at)}*${good.slice(at + 1)}`)).toBeNull();
      }
    });
  });
});
