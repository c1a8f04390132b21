import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeProblem, problemDetail, type ImportProblem } from '../../renderer/src/features/workspace/fileProblems';
import { i18n, initI18n } from '../../renderer/src/i18n';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);

describe('settings', () => {
  it('switches the UI to Japanese and persists the choice through the host', async () => {
    const user = userEvent.setup();
    const { host } = renderApp({ hash: '#/settings' });
    await user.selectOptions(await screen.findByLabelText('Language'), '日本語');
    expect(await screen.findByRole('heading', { level: 1, name: '設定' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ja');
    expect((await host.getSettings()).settings.language).toBe('ja');
    await user.selectOptions(screen.getByLabelText('言語'), 'English');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });

  it('switches theme with Alt+Shift+T and from the radio group', async () => {
    const user = userEvent.setup();
    const { host } = renderApp({ hash: '#/settings' });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await user.keyboard('{Alt>}{Shift>}T{/Shift}{/Alt}');
    expect(document.documentElement.dataset.theme).toBe('dark');
    await user.click(screen.getByRole('radio', { name: /Projector/ }));
    expect(document.documentElement.dataset.theme).toBe('projector');
    await waitFor(async () => expect((await host.getSettings()).settings.theme).toBe('projector'));
  });

  it('tells the user when stored settings could not be read', async () => {
    renderApp({ hash: '#/settings', problem: 'Unexpected token' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Your saved settings could not be read, so defaults are used: Unexpected token');
  });
});

describe('import problem messages', () => {
  const problems: ImportProblem[] = [
    { kind: 'empty' },
    { kind: 'too-large', bytes: 300 * 1024 * 1024 },
    { kind: 'truncated' },
    { kind: 'not-json', detail: 'Unexpected token' },
    { kind: 'not-alignboard' },
    { kind: 'newer-version', version: 3 },
    { kind: 'unsupported-version', version: 'x' },
    { kind: 'invalid', path: 'members[2].department', detail: 'Invalid option' },
    { kind: 'duplicate-id', collection: 'members', id: 'm1' },
    { kind: 'bad-board', boardName: 'Persona A', detail: 'not base64' },
    { kind: 'read-failed', detail: 'EACCES' },
    { kind: 'write-failed', detail: 'disk' },
    { kind: 'storage-full' },
    { kind: 'newer-board', boardName: 'Funnel B', version: 4 },
  ];
  it.each(['en', 'ja'] as const)('gives every problem kind its own message in %s, naming its details; what a parser or library said is apart from it', (language) => {
    initI18n(language);
    const t = i18n.t.bind(i18n);
    const messages = problems.map((problem) => describeProblem(problem, t, language));
    expect(new Set(messages).size).toBe(problems.length);
    for (const message of messages) expect(message).not.toMatch(/\{\{|import\.problem/);
    // The technical detail (English, from the parser, the schema, Yjs, the OS) is not in the sentence.
    const details = problems.map((problem) => ('detail' in problem ? problem.detail : null));
    expect(problems.map(problemDetail)).toEqual(details);
    expect(details.filter(Boolean)).toHaveLength(5);
    for (const [index, detail] of details.entries()) expect(messages[index]).not.toContain(detail ?? '{{detail}}');
    expect(messages[7]).toContain('members[2].department');
    expect(messages[5]).toContain('3');
    expect(messages[9]).toContain('Persona A');
    expect(messages[13]).toContain('Funnel B');
    expect(messages[13]).toMatch(/4.*1/);
  });
});
