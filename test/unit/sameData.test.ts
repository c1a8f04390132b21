import { describe, expect, it } from 'vitest';
import { sameData } from '../../renderer/src/ui/sameData';

describe('sameData', () => {
  it('compares records read twice member by member', () => {
    const read = () => ({ id: 'v1', revision: 2, signers: ['m1', 'm2'], document: { title: 'SLA', sections: [{ key: 'scope', text: '' }] }, hash: null });
    expect(sameData(read(), read())).toBe(true);
    expect(sameData([read(), read()], [read(), read()])).toBe(true);
  });

  it.each([
    ['a changed value', { a: 1 }, { a: 2 }],
    ['a missing key', { a: 1, b: undefined }, { a: 1, c: undefined }],
    ['an added key', { a: 1 }, { a: 1, b: 2 }],
    ['an array against an object', { 0: 'x', length: 1 }, ['x']],
    ['arrays of other lengths', [1, 2], [1, 2, 3]],
    ['null against an object', null, {}],
    ['a nested change', { d: { s: [{ t: 'a' }] } }, { d: { s: [{ t: 'b' }] } }],
    ['two equal dates (not plain data: only the same object is the same)', new Date(0), new Date(0)],
    ['two equal typed arrays', new Uint8Array([1]), new Uint8Array([1])],
  ])('tells apart %s', (_name, a, b) => {
    expect(sameData(a, b)).toBe(false);
  });

  it('takes NaN as itself and the very same object as the same', () => {
    const bytes = new Uint8Array([1]);
    expect(sameData({ n: Number.NaN, bytes }, { n: Number.NaN, bytes })).toBe(true);
  });
});
