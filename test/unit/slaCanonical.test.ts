import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CanonicalJsonError,
  canonicalJson,
  hashSignedContent,
  isCanonicalJson,
  jsonEqual,
  type SignedContent,
  sha256Hex,
  sha256HexSync,
  signedContentJson,
} from '../../shared/sla/canonical';

const nodeSha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** A double from its IEEE 754 bit pattern, as RFC 8785 Appendix B lists them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

function errorOf(run: () => unknown): CanonicalJsonError {
  try {
    run();
  } catch (error) {
    if (error instanceof CanonicalJsonError) return error;
    throw error;
  }
  throw new Error('expected a CanonicalJsonError');
}

describe('canonicalJson: RFC 8785 examples', () => {
  it('§3.2.2: numbers, string escaping and literals', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('§3.2.3: sorts keys by UTF-16 code units (control, digit, Latin-1, €, emoji surrogate pair, Hebrew)', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    const out = canonicalJson(JSON.parse(input));
    expect(out).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts by code units, not code points: U+1F600 (D83D…) before U+FB33', () => {
    // By code point U+FB33 < U+1F600; by UTF-16 code unit 0xD83D < 0xFB33.
    expect(canonicalJson({ '\ufb33': 1, '😀': 2 })).toBe('{"\ud83d\ude00":2,"\ufb33":1}');
  });

  it('sorts Japanese keys by code unit', () => {
    expect(canonicalJson({ 部長: 1, リード: 2, 商談: 3, a: 4, Z: 5 })).toBe('{"Z":5,"a":4,"リード":2,"商談":3,"部長":1}');
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('Appendix B: number 0x%s → %s', (bits, expected) => {
    expect(canonicalJson(fromBits(bits))).toBe(expected);
  });

  it.each(['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000'])('Appendix B: 0x%s (NaN/Infinity) is an error', (bits) => {
    expect(errorOf(() => canonicalJson([fromBits(bits)]))).toMatchObject({ reason: 'not-finite', path: '/0' });
  });

  it('serializes numbers as ECMAScript does: 1.0 → 1, -0 → 0, 1e21 → 1e+21, 1e-7 → 1e-7, 100 → 100', () => {
    expect(canonicalJson(JSON.parse('[1.0, -0, -0.0, 1e21, 1E-7, 100, 1e2, 0.1, 123e-2]'))).toBe('[1,0,0,1e+21,1e-7,100,100,0.1,1.23]');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(1e20)).toBe('100000000000000000000');
  });
});

describe('canonicalJson: structure', () => {
  it('writes no whitespace and sorts nested objects, keeping array order', () => {
    const value = JSON.parse('{ "b" : [ 3 , { "z" : 1 , "a" : [ ] } ] , "a" : { } , "c" : "x y" }');
    expect(canonicalJson(value)).toBe('{"a":{},"b":[3,{"a":[],"z":1}],"c":"x y"}');
  });

  it('escapes as JSON.stringify does: short escapes, lowercase \\u00xx, U+2028 and non-ASCII literal', () => {
    expect(canonicalJson('\b\t\n\f\r"\\\u0000\u001f\u007f\u2028日本')).toBe('"\\b\\t\\n\\f\\r\\"\\\\\\u0000\\u001f\u007f\u2028日本"');
  });

  it('is independent of insertion order', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('accepts null-prototype objects and the same (acyclic) object twice', () => {
    const shared = { x: 1 };
    const bare = Object.assign(Object.create(null) as object, { k: 'v' });
    expect(canonicalJson({ a: shared, b: shared, c: bare })).toBe('{"a":{"x":1},"b":{"x":1},"c":{"k":"v"}}');
  });

  it('round-trips: parse(canonical) re-canonicalizes to the same text', () => {
    const value = { n: [0.1, 1e-9, 2 ** 60], s: '😀\u0000', nested: { ü: true, u: false, U: null } };
    const text = canonicalJson(value);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });
});

/** [1, <hole>, 3] */
function sparse(): unknown[] {
  const array: unknown[] = [];
  array[0] = 1;
  array[2] = 3;
  return array;
}

describe('canonicalJson: rejects what is not I-JSON data', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  class Point {
    x = 1;
  }

  it.each([
    ['NaN', { a: Number.NaN }, 'not-finite', '/a'],
    ['Infinity', { a: [1, Number.POSITIVE_INFINITY] }, 'not-finite', '/a/1'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'not-finite', ''],
    ['undefined value', undefined, 'undefined', ''],
    ['undefined property', { a: 1, b: undefined }, 'undefined', '/b'],
    ['undefined element', [1, undefined], 'undefined', '/1'],
    ['sparse array', sparse(), 'sparse-array', '/1'],
    ['function', { f: () => 1 }, 'unsupported-type', '/f'],
    ['symbol', Symbol('s'), 'unsupported-type', ''],
    ['symbol key', { [Symbol('s')]: 1 }, 'unsupported-type', ''],
    ['bigint', { n: 1n }, 'unsupported-type', '/n'],
    ['Date', { d: new Date(0) }, 'not-plain-object', '/d'],
    ['Map', new Map(), 'not-plain-object', ''],
    ['class instance', new Point(), 'not-plain-object', ''],
    ['Uint8Array', new Uint8Array(2), 'not-plain-object', ''],
    ['cycle', cyclic, 'cycle', '/self'],
    ['lone high surrogate', '\ud83d', 'lone-surrogate', ''],
    ['lone low surrogate in a key', { 'a\ude00': 1 }, 'lone-surrogate', '/a\ude00'],
    ['reversed pair', ['\ude00\ud83d'], 'lone-surrogate', '/0'],
    ['key with a slash, escaped in the path', { 'a/b~': undefined }, 'undefined', '/a~1b~0'],
  ])('%s', (_label, value, reason, path) => {
    const error = errorOf(() => canonicalJson(value));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CanonicalJsonError');
    expect(error.reason).toBe(reason);
    expect(error.path).toBe(path);
  });
});

describe('isCanonicalJson and jsonEqual', () => {
  it('accepts canonical text only', () => {
    expect(isCanonicalJson('{"a":1,"b":[true,null]}')).toBe(true);
    expect(isCanonicalJson('{"b":1,"a":2}')).toBe(false);
    expect(isCanonicalJson('{"a": 1}')).toBe(false);
    expect(isCanonicalJson('{"a":1.0}')).toBe(false);
    expect(isCanonicalJson('{"a":"\\u0041"}')).toBe(false);
    expect(isCanonicalJson('not json')).toBe(false);
    expect(isCanonicalJson('"\\ud800"')).toBe(false);
  });

  it('compares JSON values structurally', () => {
    expect(jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(jsonEqual(0, -0)).toBe(true);
  });
});

describe('sha256Hex and sha256HexSync', () => {
  const vectors: [string, string][] = [
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ];

  it.each(vectors)('FIPS 180 vector %j', async (input, expected) => {
    expect(await sha256Hex(input)).toBe(expected);
    expect(sha256HexSync(input)).toBe(expected);
  });

  it('hashes one million "a" (multi-block)', () => {
    expect(sha256HexSync('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes the UTF-8 bytes of the text (Japanese, emoji)', async () => {
    const text = '営業×マーケティング SLA 😀';
    expect(await sha256Hex(text)).toBe(nodeSha256(Buffer.from(text, 'utf8')));
    expect(sha256HexSync(text)).toBe(nodeSha256(Buffer.from(text, 'utf8')));
  });

  it('agrees with node:crypto for every length around the block and padding boundaries, and for bytes', async () => {
    let seed = 7;
    for (let length = 0; length <= 200; length++) {
      const bytes = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        seed = (seed * 48_271) % 2_147_483_647;
        bytes[i] = seed & 0xff;
      }
      const expected = nodeSha256(bytes);
      expect(sha256HexSync(bytes)).toBe(expected);
      expect(await sha256Hex(bytes)).toBe(expected);
    }
  });

  it('returns 64 lowercase hex digits', async () => {
    expect(await sha256Hex('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('signed content', () => {
  const content = (): SignedContent => ({
    document: { title: 'SLA 2025', sections: [{ key: 'purpose', text: '目的' }] },
    signers: ['m1', 'm2'],
    signatures: [{ memberId: 'm1', name: '山田', date: '2025-04-01' }],
    version: { id: 'v1', revision: 1, basedOn: null },
    signedAt: '2025-04-01T09:00:00.000+09:00',
  });

  it('is the canonical JSON of exactly document, signers, signatures, version, signedAt', () => {
    const json = signedContentJson({ ...content(), extra: 'ignored' } as SignedContent);
    expect(Object.keys(JSON.parse(json))).toEqual(['document', 'signatures', 'signedAt', 'signers', 'version']);
    expect(json).toBe(canonicalJson(content()));
    expect(isCanonicalJson(json)).toBe(true);
  });

  it('hashes the JSON it returns', async () => {
    const { json, hash } = await hashSignedContent(content());
    expect(json).toBe(signedContentJson(content()));
    expect(hash).toBe(nodeSha256(Buffer.from(json, 'utf8')));
  });

  it('changes hash on any change of content', async () => {
    const base = (await hashSignedContent(content())).hash;
    const mutations: ((c: SignedContent) => void)[] = [
      (c) => ((c.document as { title: string }).title = 'SLA 2026'),
      (c) => ((c.document as { sections: { text: string }[] }).sections[0]!.text = '目的 '),
      (c) => (c.signers as string[]).reverse(),
      (c) => ((c.signatures as { name: string }[])[0]!.name = '山田 太郎'),
      (c) => ((c.version as { revision: number }).revision = 2),
      (c) => ((c.version as { basedOn: string | null }).basedOn = 'a'.repeat(64)),
      (c) => (c.signedAt = '2025-04-01T09:00:01.000+09:00'),
      (c) => ((c.document as Record<string, unknown>).added = null),
    ];
    const hashes = new Set([base]);
    for (const mutate of mutations) {
      const changed = content();
      mutate(changed);
      const { hash } = await hashSignedContent(changed);
      expect(hash).not.toBe(base);
      hashes.add(hash);
    }
    expect(hashes.size).toBe(mutations.length + 1);
  });

  it('does not change hash for key order or number spelling', async () => {
    const reordered = JSON.parse('{"signedAt":"2025-04-01T09:00:00.000+09:00","version":{"basedOn":null,"revision":1.0,"id":"v1"},"signers":["m1","m2"],"signatures":[{"date":"2025-04-01","name":"山田","memberId":"m1"}],"document":{"sections":[{"text":"目的","key":"purpose"}],"title":"SLA 2025"}}');
    expect((await hashSignedContent(reordered)).hash).toBe((await hashSignedContent(content())).hash);
  });

  it('refuses content that is not JSON data', async () => {
    await expect(hashSignedContent({ ...content(), signedAt: undefined as unknown as string })).rejects.toBeInstanceOf(CanonicalJsonError);
  });
});
