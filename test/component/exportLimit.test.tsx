import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import type { Host } from '../../renderer/src/host';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { renderApp, resetDb } from './renderApp';

/**
 * Issue 13, item 2: one size limit for export, import and backup. Export used to allow 500 MB
 * while import read at most 200 MB, so an exported file might never open again. A workspace named
 * OVERSIZED stands in for one of 250 MB (its file measured so, without building 250 MB in memory).
 */

const { OVERSIZED, MB } = vi.hoisted(() => ({ OVERSIZED: 'Oversized plan', MB: 1024 * 1024 }));

vi.mock('../../shared/fileLimits', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../shared/fileLimits')>();
  return {
    ...original,
    utf8ByteLength: (text: string) => (new RegExp(`"name": ?"${OVERSIZED}"`).test(text) ? 250 * MB : original.utf8ByteLength(text)),
  };
});

beforeEach(resetDb);

function savingHost() {
  const saved: { name: string; content: string }[] = [];
  const saveWorkspaceFile: Host['saveWorkspaceFile'] = async (name, content) => {
    saved.push({ name, content });
    return { saved: true };
  };
  return { saved, host: { saveWorkspaceFile } };
}

describe('exporting a workspace over the one size limit', () => {
  it.each([
    ['en', en],
    ['ja', ja],
  ] as const)('is refused before a file is offered, naming the size and the limit (%s)', async (language, messages) => {
    const user = userEvent.setup();
    const id = await createWorkspace(OVERSIZED);
    const { saved, host } = savingHost();
    renderApp({ host, settings: { language }, hash: `#/w/${id}` });
    await screen.findByRole('heading', { level: 1, name: OVERSIZED });
    await user.click(screen.getByRole('button', { name: messages.home.export }));

    const text = messages.backupRun.exportTooLarge.replace('{{name}}', OVERSIZED).replace('{{size}}', '250 MB').replace('{{limit}}', '200 MB');
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(saved).toEqual([]);
  });

  it('a workspace within the limit is exported as before', async () => {
    const user = userEvent.setup();
    const id = await createWorkspace('Ordinary plan');
    const { saved, host } = savingHost();
    renderApp({ host, hash: `#/w/${id}` });
    await screen.findByRole('heading', { level: 1, name: 'Ordinary plan' });
    await user.click(screen.getByRole('button', { name: en.home.export }));

    expect(await screen.findByText(en.workspace.exported.replace('{{name}}', 'Ordinary plan'))).toBeInTheDocument();
    expect(saved.map((file) => file.name)).toEqual(['Ordinary plan.alignboard']);
  });
});
