import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../renderer/src/db/db';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { exportWorkspace } from '../../renderer/src/db/workspaceFiles';
import { ja } from '../../shared/locales/ja';
import { parseWorkspaceFile } from '../../shared/workspaceFile';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);

describe('home', () => {
  it('offers the sample workspace on first run and opens it filled', async () => {
    const user = userEvent.setup();
    renderApp();
    expect(await screen.findByRole('heading', { name: 'No workspaces yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open the sample workspace' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sample: Northwind Cloud' })).toBeInTheDocument();
    const members = await screen.findByRole('table', { name: 'Members' });
    expect(within(members).getAllByRole('row')).toHaveLength(8);
    expect(within(members).getByRole('rowheader', { name: 'Noah Bennett' })).toBeInTheDocument();
  });

  it('creates a workspace from the dialog and refuses an empty name', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByRole('heading', { name: 'No workspaces yet' });
    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'New workspace' });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Name is required.');
    expect(within(dialog).getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(await db.workspaces.count()).toBe(0);
    await user.type(within(dialog).getByLabelText('Name'), 'Q3 alignment{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Q3 alignment' })).toBeInTheDocument();
    expect((await db.workspaces.toArray()).map((w) => w.name)).toEqual(['Q3 alignment']);
  });

  it('lists workspaces with their counts', async () => {
    await createWorkspace('Alpha');
    renderApp();
    const table = await screen.findByRole('table', { name: 'Your workspaces' });
    const row = within(table).getByRole('row', { name: /Alpha/ });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([expect.any(String), '0', '0', expect.any(String)]);
  });

  it('duplicates a workspace whose name is at the limit as a copy whose file can be imported again', async () => {
    const long = `${'x'.repeat(195)}北風の会社`;
    expect(long).toHaveLength(200);
    const id = await createWorkspace(long);
    const user = userEvent.setup();
    renderApp();
    await screen.findByRole('table', { name: 'Your workspaces' });
    await user.click(screen.getByRole('button', { name: `Actions for ${long}` }));
    await user.click(await screen.findByRole('menuitem', { name: 'Duplicate' }));
    await waitFor(async () => expect(await db.workspaces.count()).toBe(2));
    const copy = (await db.workspaces.toArray()).find((workspace) => workspace.id !== id)!;
    expect(copy.name).toHaveLength(200);
    expect(copy.name).toBe(`${'x'.repeat(192)}… (copy)`);
    const parsed = parseWorkspaceFile(await exportWorkspace(copy.id));
    expect(parsed.ok).toBe(true);
  });

  it('imports the same file twice as two workspaces the list tells apart, and says the name each got', async () => {
    const user = userEvent.setup();
    const content = await exportWorkspace(await createWorkspace('Acme'));
    renderApp({ host: { openWorkspaceFile: async () => ({ fileName: 'acme.alignboard', content }) } });
    for (const name of ['Acme (2)', 'Acme (3)']) {
      await user.click(await screen.findByRole('button', { name: 'Import…' }));
      expect(await screen.findByRole('heading', { level: 1, name })).toBeInTheDocument();
      expect(await screen.findByText(`Imported “${name}”`)).toBeInTheDocument();
      window.location.hash = '#/';
    }
    const table = await screen.findByRole('table', { name: 'Your workspaces' });
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent).sort()).toEqual(['Acme', 'Acme (2)', 'Acme (3)']);
  });

  it('names a second copy apart from the first, and says so (in Japanese too)', async () => {
    const user = userEvent.setup();
    await createWorkspace('北風');
    renderApp({ settings: { language: 'ja' } });
    for (const name of ['北風（コピー）', '北風（コピー） (2)']) {
      await user.click(await screen.findByRole('button', { name: '北風 の操作' }));
      await user.click(await screen.findByRole('menuitem', { name: '複製' }));
      expect(await screen.findByText(`「${name}」として複製しました`)).toBeInTheDocument();
      expect(await screen.findByRole('link', { name })).toBeInTheDocument();
    }
  });

  it('shows a named error for a bad file and writes nothing', async () => {
    const user = userEvent.setup();
    await createWorkspace('Existing');
    renderApp({
      host: { openWorkspaceFile: async () => ({ fileName: 'x.alignboard', content: '{"format":"alignboard-workspace","version":7}' }) },
    });
    await screen.findByRole('table', { name: 'Your workspaces' });
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    const alert = await screen.findByRole('alertdialog', { name: 'This file could not be imported' });
    expect(alert).toHaveTextContent('newer version of Alignboard (file format 7');
    expect(alert).toHaveTextContent('Nothing was changed.');
    expect(await db.workspaces.count()).toBe(1);
  });
});

describe('a damaged file in Japanese', () => {
  it('says what is wrong in Japanese; what the library said is under “Technical details”, marked English; nothing is written', async () => {
    const user = userEvent.setup();
    const content = readFileSync(resolve(import.meta.dirname, '../fixtures/bad-files/board-doc-random-bytes.alignboard'), 'utf8');
    renderApp({ settings: { language: 'ja' }, host: { openWorkspaceFile: async () => ({ fileName: 'x.alignboard', content }) } });
    await user.click(await screen.findByRole('button', { name: 'インポート…' }));
    const alert = await screen.findByRole('alertdialog', { name: ja.import.failedTitle });
    expect(alert).toHaveAccessibleDescription('ファイル内のボード「Persona: IT manager」が壊れていて、内容を読み取れません。 データは何も変更されていません。');
    const details = within(alert).getByText(ja.import.technicalDetails).closest('details')!;
    expect(details).not.toHaveAttribute('open');
    const detail = details.querySelector('code')!;
    expect(detail).toHaveAttribute('lang', 'en');
    expect(detail.textContent).not.toBe('');
    await user.click(within(alert).getByText(ja.import.technicalDetails));
    expect(details).toHaveAttribute('open');
    expect(await db.workspaces.count()).toBe(0);
  });
});

describe('members', () => {
  it('adds, edits and removes a member with undo', async () => {
    const user = userEvent.setup();
    const id = await createWorkspace('Team');
    renderApp({ hash: `#/w/${id}` });
    await user.click(await screen.findByRole('button', { name: 'Add member' }));
    let dialog = await screen.findByRole('dialog', { name: 'Add a member' });
    await user.type(within(dialog).getByLabelText('Name'), 'Yui Sato');
    await user.selectOptions(within(dialog).getByLabelText('Department'), 'Marketing');
    await user.type(within(dialog).getByLabelText('Title'), 'CMO');
    await user.click(within(dialog).getByRole('button', { name: 'Add member' }));
    const table = await screen.findByRole('table', { name: 'Members' });
    const row = await within(table).findByRole('row', { name: /Yui Sato/ });
    expect(row).toHaveTextContent('Marketing');
    expect(row).toHaveTextContent('CMO');

    await user.click(await screen.findByRole('button', { name: 'Edit Yui Sato' }));
    dialog = await screen.findByRole('dialog', { name: 'Edit member' });
    const title = within(dialog).getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Head of Marketing{Enter}');
    await waitFor(() => expect(screen.getByRole('row', { name: /Yui Sato/ })).toHaveTextContent('Head of Marketing'), { timeout: 3000 });

    await user.click(await screen.findByRole('button', { name: 'Remove Yui Sato' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Yui Sato/ })).not.toBeInTheDocument());
    expect(await db.members.count()).toBe(0);
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('row', { name: /Yui Sato/ })).toHaveTextContent('Head of Marketing');
  });
});
