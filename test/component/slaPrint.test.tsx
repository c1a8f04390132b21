import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printRoute } from '../../shared/pdf';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { setTitle } from '../../shared/sla/document';
import { PrintEntry } from '../../renderer/src/app/PrintEntry';
import { preloadPrintPage } from '../../renderer/src/app/printPages';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { PRINT_READY_SELECTOR } from '../../renderer/src/features/print/usePrintReady';
import { primedSlaPrintData } from '../../renderer/src/features/sla/slaPrintData';
import { ensureVersion, updateVersion } from '../../renderer/src/features/sla/slaStore';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import type { Host } from '../../renderer/src/host';
import { initI18n } from '../../renderer/src/i18n';
import { resetDb } from './renderApp';

/** The print entry's tree (PrintEntry, as renderer/src/print.tsx renders it) on a browser host that records the ready handshake. */
function renderPrintEntry(hash: string, language: 'en' | 'ja' = 'en') {
  window.location.hash = hash;
  const host: Host = { ...createBrowserHost(localStorage), printReady: vi.fn<Host['printReady']>(async () => {}), printFailed: vi.fn<Host['printFailed']>(async () => {}) };
  render(<PrintEntry i18n={initI18n(language)} host={host} settings={{ ...DEFAULT_SETTINGS, language }} settingsProblem={null} />);
  return host;
}

async function seed() {
  const workspaceId = await createWorkspace('Sales × Marketing');
  await addMember(workspaceId, { name: 'Hanako Sato', department: 'marketing', title: 'Head of Marketing' });
  const version = await ensureVersion(workspaceId, { language: 'en', title: 'SLA 2026' });
  return { workspaceId, version, path: printRoute('sla', workspaceId, version.id) };
}

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '';
  delete document.documentElement.dataset.printReady;
  delete document.documentElement.dataset.printProblem;
});

describe('the print entry', () => {
  it('reads the SLA before the first render, so the document is there on it', async () => {
    const { workspaceId, version, path } = await seed();
    await preloadPrintPage(`${path}?paper=A4`);
    expect(primedSlaPrintData(workspaceId, version.id)?.version?.id).toBe(version.id);
    const host = renderPrintEntry(`#${path}?paper=A4`);
    // No wait: the view's code and its records were here before it rendered.
    expect(screen.getByRole('heading', { level: 1, name: 'SLA 2026' })).toBeInTheDocument();
    expect(screen.getByText('Sales × Marketing')).toBeInTheDocument();
    await waitFor(() => expect(document.querySelector(PRINT_READY_SELECTOR)).not.toBeNull());
    expect(host.printReady).toHaveBeenCalledTimes(1);
  });

  it('still follows the records after that first render (a draft retitled in the app)', async () => {
    const { workspaceId, version, path } = await seed();
    await preloadPrintPage(path);
    renderPrintEntry(`#${path}`);
    expect(screen.getByRole('heading', { level: 1, name: 'SLA 2026' })).toBeInTheDocument();
    await act(() => updateVersion(workspaceId, version.id, (current) => ({ ...current, document: setTitle(current.document, 'SLA 2027') })));
    expect(await screen.findByRole('heading', { level: 1, name: 'SLA 2027' })).toBeInTheDocument();
  });

  it('renders without a preload too, once its code and records arrive', async () => {
    const { path } = await seed();
    renderPrintEntry(`#${path}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'SLA 2026' })).toBeInTheDocument();
  });

  for (const [language, messages] of [['en', en], ['ja', ja]] as const) {
    it(`${language}: puts Figure 1 (the funnel) in Definitions and Figure 2 (the swimlanes) in Hand-off process, each referred to from its section's text and captioned`, async () => {
      const workspaceId = await createWorkspace('Sales × Marketing');
      const version = await ensureVersion(workspaceId, { language, title: 'SLA 2026' });
      renderPrintEntry(`#${printRoute('sla', workspaceId, version.id)}?paper=A4`, language);
      await waitFor(() => expect(document.querySelector(PRINT_READY_SELECTOR)).not.toBeNull());
      const figures = [
        { section: messages.sla.sections.definitions, caption: messages.diagrams.sla.funnelCaption, reference: messages.diagrams.sla.funnelRef, number: 1 },
        { section: messages.sla.sections.handOff, caption: messages.diagrams.sla.swimlaneCaption, reference: messages.diagrams.sla.swimlaneRef, number: 2 },
      ];
      expect(screen.getAllByRole('figure')).toHaveLength(2);
      for (const { section, caption, reference, number } of figures) {
        const heading = screen.getByRole('heading', { level: 2, name: new RegExp(`^\\d+\\. ${section}$`) });
        const region = heading.closest('section')!;
        const full = messages.diagrams.sla.caption.replace('{{number}}', String(number)).replace('{{caption}}', caption);
        const figure = within(region).getByRole('figure', { name: full });
        // The section's text names the figure before it; the drawing inside is an SVG image.
        expect(within(region).getByText(reference.replace('{{number}}', String(number)))).toBeInTheDocument();
        expect(within(figure).getByRole('img')).toBeInTheDocument();
        expect(figure.querySelector('svg text')).not.toBeNull();
      }
    });
  }

  it('says at once that an address which is no print route cannot be printed', async () => {
    const host = renderPrintEntry('#/w/1');
    expect(await screen.findByRole('alert')).toHaveTextContent(/.+/);
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('error'));
    expect(host.printFailed).toHaveBeenCalledWith('there is no print view at this address');
  });
});
