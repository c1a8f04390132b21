import { describe, expect, it } from 'vitest';
import { jsonText } from '../../shared/jsonText';

const now = '2026-01-01T00:00:00.000Z';

const cases: [string, unknown][] = [
  ['scalars and empty containers', { a: 1, b: 'x', c: null, d: true, e: [], f: {}, g: [1, [2, [3, {}]], { h: [] }], i: -0, j: 1e21, k: 0.1 }],
  ['a two-byte name before a long one-byte string', [{ id: 'm1', name: 'メンバー 1' }, { id: 'b1', doc: 'QUJD'.repeat(50_000) }]],
  ['escapes, lone surrogates and emoji', { text: '"quotes" \\ back\nslash \u0000 \u001f \u2028 \ud800 lone surrogate 😀 ボード' }],
  ['key order and keys that need escaping', { 'key "with" quotes': 1, ключ: 2, 10: 'numeric key first', b: 3 }],
  ['a top-level string', 'top-level string'],
  ['a top-level number', 42],
  ['null', null],
  ['an empty array', []],
  ['an empty object', {}],
  ['properties JSON drops', { a: undefined, b: () => 1, c: Symbol('s'), d: 1 }],
  ['an object whose only property is dropped', { a: undefined }],
  ['array items JSON writes as null', [undefined, () => 1, Symbol('s'), Number.NaN, Number.POSITIVE_INFINITY]],
  ['toJSON (a Date, a custom one given its key)', { when: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), custom: { toJSON: (key: string) => ({ key, nested: [1] }) } }],
  ['boxed primitives', { boxed: [Object(1), Object('s'), Object(false)] }],
  [
    'a workspace-like file: two-byte names before long base64 documents',
    {
      format: 'alignboard-workspace',
      version: 1,
      workspace: { id: 'w', name: 'ワークスペース', createdAt: now, updatedAt: now },
      members: Array.from({ length: 200 }, (_, i) => ({ id: `m${i}`, name: `メンバー ${i}`, department: 'sales', createdAt: now })),
      boards: Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, name: `ボード ${i}`, agreement: null, doc: 'AAEC'.repeat(10_000 + i) })),
      calendar: null,
    },
  ],
];

describe('jsonText', () => {
  it.each(cases)('writes the same text as JSON.stringify(value, null, 1): %s', (_name, value) => {
    expect(jsonText(value)).toBe(JSON.stringify(value, null, 1));
  });

  it('has no text for what JSON has none, and throws where JSON.stringify throws', () => {
    expect(jsonText(undefined)).toBeUndefined();
    expect(jsonText(() => 1)).toBeUndefined();
    expect(() => jsonText({ big: 1n })).toThrow(TypeError);
  });
});
