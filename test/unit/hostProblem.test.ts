import { describe, expect, it } from 'vitest';
import { decodeHostProblem, encodeHostProblem, HostProblem, hostProblemReason, hostProblemText } from '../../shared/hostProblem';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';

const MB = 1024 * 1024;

/** One of every kind, so a kind added without words fails here (and the switch fails tsc). */
const EVERY_KIND: HostProblem[] = [
  { kind: 'file-too-large', fileName: 'plan.alignboard', bytes: 250.5 * MB, limit: 200 * MB },
  { kind: 'not-a-file', fileName: 'plan.alignboard' },
  { kind: 'not-utf8', fileName: 'plan.alignboard' },
  { kind: 'cannot-read', fileName: 'plan.alignboard', reason: 'not-found', detail: 'ENOENT' },
  { kind: 'cannot-write', fileName: 'plan.alignboard', reason: 'disk-full', detail: 'ENOSPC' },
  { kind: 'backup-too-large', workspaceName: 'Q3', bytes: 201 * MB, limit: 200 * MB },
  { kind: 'backup-not-saved', workspaceName: 'Q3', reason: 'permission-denied', detail: 'EACCES' },
  { kind: 'backups-unreadable', reason: 'busy', detail: 'EBUSY' },
  { kind: 'backup-missing', id: '0000000001_20261130T044310Z_w1.alignboard' },
  { kind: 'not-png' },
  { kind: 'not-pdf' },
  { kind: 'print-not-ready', wait: '60 s' },
  { kind: 'print-failed', detail: 'ERR_FAILED' },
  { kind: 'popup-blocked' },
  { kind: 'unexpected', detail: 'boom' },
];

describe('host problems', () => {
  it('has every kind covered by the list above', () => {
    expect(new Set(EVERY_KIND.map((problem) => problem.kind))).toEqual(new Set(HostProblem.options.map((option) => option.shape.kind.value)));
  });

  it.each([
    ['en', en],
    ['ja', ja],
  ] as const)('words every kind in %s with every placeholder filled', (_language, messages) => {
    for (const problem of EVERY_KIND) {
      const text = hostProblemText(problem, messages.hostErrors);
      expect({ kind: problem.kind, unfilled: /\{\{|\}\}/.test(text), empty: text.trim() === '' }).toEqual({ kind: problem.kind, unfilled: false, empty: false });
    }
  });

  it('says the same thing in both languages', () => {
    expect(hostProblemText(EVERY_KIND[0]!, en.hostErrors)).toBe('“plan.alignboard” is too large to open (250.5 MB; the limit is 200 MB).');
    expect(hostProblemText(EVERY_KIND[0]!, ja.hostErrors)).toBe('「plan.alignboard」は大きすぎて開けません（250.5 MB、上限は 200 MB）。');
    expect(hostProblemText(EVERY_KIND[4]!, en.hostErrors)).toBe('“plan.alignboard” could not be saved: the disk is full.');
    expect(hostProblemText(EVERY_KIND[4]!, ja.hostErrors)).toBe('「plan.alignboard」を保存できませんでした：ディスクの空き容量がありません。');
  });

  it('keeps the raw detail of a reason nobody named, inside the translated sentence', () => {
    const problem: HostProblem = { kind: 'cannot-read', fileName: 'x.alignboard', reason: 'other', detail: 'EIO: i/o error, read' };
    expect(hostProblemText(problem, ja.hostErrors)).toBe('「x.alignboard」を読み込めませんでした：EIO: i/o error, read。');
    expect(hostProblemReason(problem, en.hostErrors)).toBe('EIO: i/o error, read');
    expect(hostProblemReason({ kind: 'not-png' }, en.hostErrors)).toBeNull();
  });

  it('crosses IPC inside an error message and comes back checked', () => {
    for (const problem of EVERY_KIND) {
      expect(decodeHostProblem(`Error invoking remote method 'x': Error: ${encodeHostProblem(problem)}`)).toEqual(problem);
    }
  });

  it.each([
    ['no marker', 'ENOSPC: no space left on device'],
    ['broken JSON', 'alignboard-host-problem:{"kind":'],
    ['an unknown kind', 'alignboard-host-problem:{"kind":"format-disk"}'],
    ['a wrong field type', 'alignboard-host-problem:{"kind":"file-too-large","fileName":"x","bytes":"huge","limit":1}'],
    ['a huge name', `alignboard-host-problem:${JSON.stringify({ kind: 'not-a-file', fileName: 'x'.repeat(5000) })}`],
  ])('decodes %s as no problem at all', (_label, message) => {
    expect(decodeHostProblem(message)).toBeNull();
  });
});
