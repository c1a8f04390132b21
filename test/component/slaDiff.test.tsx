import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSampleWorkspace } from '../../renderer/src/db/sample';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

/** The change list's items under one section heading of the "Changes since revision 1" card. */
async function changesUnder(cardTitle: string, sectionTitle: string): Promise<string[]> {
  const card = await screen.findByRole('region', { name: cardTitle });
  const heading = within(card).getByRole('heading', { level: 3, name: sectionTitle });
  const section = heading.closest('section')!;
  return within(section)
    .getAllByRole('listitem')
    .filter((item) => item.classList.contains('diff-changed'))
    .map((item) => item.textContent ?? '');
}

/** The changed items (their whole text) under one section heading of the change card. */
function itemsOf(section: HTMLElement) {
  return within(section)
    .getAllByRole('listitem')
    .filter((item) => item.classList.contains('diff-changed'));
}

describe('SLA change list on the sample workspace', () => {
  it('en: a definition whose name stays says what changed in it (the MQL threshold), and the volume target too', async () => {
    const workspaceId = await createSampleWorkspace('en');
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla/review` });
    const card = 'Changes since revision 1 (signed)';
    expect(await changesUnder(card, 'Definitions')).toEqual([
      'Changed MQLDefinition: “Lead with fit and intent whose score reaches 50 points” → “Lead with fit and intent whose score reaches 60 points (50 until this month)”',
    ]);
    expect(await changesUnder(card, 'Reporting')).toEqual(['Changed VolumeTarget: 200 → 180']);
    // The label is not shown struck out as if it had changed; the change is a nested list item.
    const definitions = screen.getByRole('heading', { level: 3, name: 'Definitions' }).closest('section')!;
    const [mql] = itemsOf(definitions);
    expect(mql!.querySelector('del')).toBeNull();
    expect(within(mql!).getByRole('listitem')).toHaveTextContent(/^Definition: .*50 points” → .*60 points/);
  });

  it('ja: the same changes in Japanese', async () => {
    const workspaceId = await createSampleWorkspace('ja');
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla/versions` });
    const card = '第1版（署名済み）からの変更';
    const [mql] = await changesUnder(card, '定義');
    expect(mql).toMatch(/^変更 MQL定義：「.*50.*」 → 「.*60.*」$/);
    expect(await changesUnder(card, 'レポーティング')).toEqual(['変更 件数目標：200 → 180']);
  });
});
