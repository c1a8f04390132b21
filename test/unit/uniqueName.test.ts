import { describe, expect, it } from 'vitest';
import { uniqueName } from '../../shared/uniqueName';

const numbered = (name: string, number: number) => `${name} (${number})`;

describe('uniqueName', () => {
  it('keeps a name no one has, and numbers a taken one from 2, skipping numbers taken too', () => {
    expect(uniqueName('Acme', ['Beta'], 200, numbered)).toBe('Acme');
    expect(uniqueName('Acme', ['Acme'], 200, numbered)).toBe('Acme (2)');
    expect(uniqueName('Acme', ['Acme', 'Acme (2)', 'Acme (4)'], 200, numbered)).toBe('Acme (3)');
  });

  it('counts names a reader cannot tell apart as taken: other case, decomposed Unicode, spaces around', () => {
    expect(uniqueName('acme', ['ACME'], 200, numbered)).toBe('acme (2)');
    // “ガ” written as カ + combining dakuten looks the same as the composed ガ.
    expect(uniqueName('ガイア', ['\u30AB\u3099イア'], 200, numbered)).toBe('ガイア (2)');
    expect(uniqueName(' Acme ', ['Acme'], 200, numbered)).toBe('Acme (2)');
  });

  it('stays within the maximum length, shortening the name (never the number) with “…”', () => {
    const long = 'x'.repeat(200);
    expect(uniqueName(long, [], 200, numbered)).toBe(long);
    const second = uniqueName(long, [long], 200, numbered);
    expect(second).toBe(`${'x'.repeat(195)}… (2)`);
    expect(second).toHaveLength(200);
    // A name over the limit (a template around a name at the limit) is shortened even when free.
    expect(uniqueName(`${long}!`, [], 200, numbered)).toBe(`${'x'.repeat(199)}…`);
    // Shortened names that collide are numbered on.
    expect(uniqueName(long, [long, second], 200, numbered)).toBe(`${'x'.repeat(195)}… (3)`);
  });

  it('numbers by the template given (Japanese, full-width brackets)', () => {
    expect(uniqueName('北風', ['北風'], 200, (name, number) => `${name}（${number}）`)).toBe('北風（2）');
  });
});
