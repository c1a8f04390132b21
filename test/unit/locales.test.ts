import { describe, expect, it } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { DEPARTMENTS } from '../../shared/records/member';
import type { FileProblem } from '../../shared/workspaceFile';

type Leaf = { path: string; value: string };

/** Every string in a message tree with its path (`a.b[2].c`). Throws on anything but strings, arrays and objects. */
function leaves(node: unknown, path = ''): Leaf[] {
  if (typeof node === 'string') return [{ path, value: node }];
  if (Array.isArray(node)) return node.flatMap((item, index) => leaves(item, `${path}[${index}]`));
  if (typeof node === 'object' && node !== null) {
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  }
  throw new Error(`${path} is a ${typeof node}, not a message`);
}

/** The tree with every string replaced by 'string': equal shapes mean equal keys and array lengths. */
function shape(node: unknown): unknown {
  if (typeof node === 'string') return 'string';
  if (Array.isArray(node)) return node.map(shape);
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(
      Object.entries(node)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => [key, shape(value)]),
    );
  }
  return typeof node;
}

/** A placeholder: {{name}}, or {{name, format}} with one of i18next's formats (number). */
const PLACEHOLDER = /\{\{\s*([^},\s]+)\s*(?:,\s*number\s*)?\}\}/g;
const placeholders = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!).sort();

const enLeaves = leaves(en);
const jaByPath = new Map(leaves(ja).map((leaf) => [leaf.path, leaf.value]));

describe('locales', () => {
  it('ja has exactly the keys of en, deeply, with arrays of the same length and shape', () => {
    expect(shape(ja)).toEqual(shape(en));
    expect(leaves(ja).map((leaf) => leaf.path).sort()).toEqual(enLeaves.map((leaf) => leaf.path).sort());
  });

  it('has a few hundred messages (the walk found them)', () => {
    expect(enLeaves.length).toBeGreaterThan(150);
  });

  it.each([
    ['en', en],
    ['ja', ja],
  ])('%s has no empty or whitespace-only strings', (_name, messages) => {
    const empty = leaves(messages).filter((leaf) => leaf.value.trim() === '');
    expect(empty.map((leaf) => leaf.path)).toEqual([]);
  });

  it('every en string and its ja string use the same {{placeholders}}', () => {
    const mismatches = enLeaves
      .filter((leaf) => placeholders(leaf.value).join() !== placeholders(jaByPath.get(leaf.path) ?? '').join())
      .map((leaf) => `${leaf.path}: en ${placeholders(leaf.value).join() || '-'} / ja ${placeholders(jaByPath.get(leaf.path) ?? '').join() || '-'}`);
    expect(mismatches).toEqual([]);
  });

  it('finds placeholders where they are (sanity check of the matcher)', () => {
    expect(placeholders(en.home.deleteBody)).toEqual(['boards', 'members']);
    expect(placeholders(ja.common.tooLong)).toEqual(['field', 'max']);
    expect(placeholders('no placeholders {here} {{ }}')).toEqual([]);
  });

  it('has no unbalanced or single-brace placeholders', () => {
    const broken = [...enLeaves, ...leaves(ja)]
      .filter((leaf) => /[{}]/.test(leaf.value.replace(PLACEHOLDER, '')))
      .map((leaf) => `${leaf.path}: ${leaf.value}`);
    expect(broken).toEqual([]);
  });

  it('keeps data codes untranslated: sample departments are the same valid codes in both', () => {
    const codes = (messages: typeof en | typeof ja): string[] =>
      [...messages.sample.members, ...messages.sample.stickies].map((item) => item.department);
    expect(codes(ja)).toEqual(codes(en));
    for (const code of codes(en)) expect(DEPARTMENTS).toContain(code);
    expect(Object.keys(en.department).sort()).toEqual([...DEPARTMENTS].sort());
  });

  it('has an import message for every FileProblem kind', () => {
    const kinds = {
      empty: true,
      'too-large': true,
      truncated: true,
      'not-json': true,
      'not-alignboard': true,
      'newer-version': true,
      'unsupported-version': true,
      invalid: true,
      'duplicate-id': true,
      'bad-board': true,
      'bad-asset': true,
      'bad-lead-month': true,
      // Its message lives in its own namespace (shared/locales/migrations.*.ts).
      'newer-board': false,
    } satisfies Record<FileProblem['kind'], boolean>;
    const kindList = Object.keys(kinds).filter((kind) => kinds[kind as FileProblem['kind']]);
    expect(kindList.filter((kind) => !(kind in en.import.problem))).toEqual([]);
    expect(kindList.filter((kind) => !(kind in ja.import.problem))).toEqual([]);
    expect([en.migrations.newerBoard, ja.migrations.newerBoard].every((message) => message.includes('{{board}}'))).toBe(true);
  });

  it('has both plural forms wherever one is used', () => {
    const paths = enLeaves.map((leaf) => leaf.path);
    for (const path of paths.filter((p) => p.endsWith('_one'))) expect(paths).toContain(path.replace(/_one$/, '_other'));
  });
});
