// A link's page loads when the pointer comes over it or the keyboard focuses it, so the click
// shows the page at once (renderer/src/app/preloadOnIntent.ts, pages.tsx).
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkPath } from '../../renderer/src/app/preloadOnIntent';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { renderApp, resetDb } from './renderApp';

/** Lets a started dynamic import finish, and the loader note the module (a few macrotasks). */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

describe('preloading the page a link leads to', () => {
  beforeEach(resetDb);
  afterEach(() => {
    window.location.hash = '';
  });

  it('shows the page in the click itself after the pointer came over its link', async () => {
    renderApp({ settings: { language: 'en' } });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const link = within(nav).getByRole('link', { name: 'Backups' });
    fireEvent.pointerOver(link);
    await import('../../renderer/src/features/backups/BackupsPage');
    await settle();
    fireEvent.click(link);
    // Synchronously after the click: a page that suspended would show the loading status here.
    expect(document.querySelector('.page-loading')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Restore from backup' })).toBeInTheDocument();
  });

  it('loads the page whose link the keyboard focuses', async () => {
    const workspaceId = await createWorkspace('Q3 alignment');
    renderApp({ settings: { language: 'en' } });
    const link = await screen.findByRole('link', { name: /Q3 alignment/ });
    expect(link).toHaveAttribute('href', `#/w/${workspaceId}`);
    act(() => link.focus());
    await import('../../renderer/src/features/workspace/WorkspacePage');
    await settle();
    fireEvent.click(link);
    expect(document.querySelector('.page-loading')).toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: 'Q3 alignment' })).toBeInTheDocument();
  });

  it('without either, the click shows the loading status first, then the page', async () => {
    renderApp({ settings: { language: 'en' } });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const settings = within(nav).getByRole('link', { name: 'Settings' });
    fireEvent.click(settings);
    expect(document.querySelector('.page-loading')).not.toBeNull();
    expect(screen.queryByRole('heading', { level: 1, name: 'Settings' })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });

  it('reads the app path from hash links only', () => {
    const link = (href: string) => {
      const anchor = document.createElement('a');
      anchor.setAttribute('href', href);
      const inner = document.createElement('span');
      anchor.append(inner);
      return inner;
    };
    expect(linkPath(link('#/w/abc/kpis?x=1'))).toBe('/w/abc/kpis');
    expect(linkPath(link('#main'))).toBeNull();
    expect(linkPath(link('https://example.com/'))).toBeNull();
    expect(linkPath(document.createElement('div'))).toBeNull();
    expect(linkPath(null)).toBeNull();
  });
});
