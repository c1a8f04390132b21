// Pages loaded on first use that render at once once their code is here (renderer/src/app/lazyPage.ts).
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lazyPage, moduleLoader, type ModuleLoader } from '../../renderer/src/app/lazyPage';
import { useLazyComponent } from '../../renderer/src/ui/lazyModule';
import { PAGE_ROUTES, preloadStartPage, routeMatches, routeParams } from '../../renderer/src/app/pages';
import { renderApp, resetDb } from './renderApp';

/** A page module that arrives when `arrive` is called, and a Suspense fallback that counts its renders. */
function slowModule() {
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  let loads = 0;
  const loader = moduleLoader(async () => {
    loads++;
    await arrived;
    return { Page: ({ name }: { name: string }) => <p>Page of {name}</p> };
  });
  const fallback = { renders: 0 };
  function Fallback() {
    fallback.renders++;
    return <p>Loading…</p>;
  }
  return { loader, arrive, fallback, Fallback, loads: () => loads };
}

describe('lazyPage', () => {
  it('suspends on a page whose code is not here yet, then shows it when it arrives', async () => {
    const { loader, arrive, fallback, Fallback } = slowModule();
    const Page = lazyPage(loader, (module) => module.Page);
    render(
      <Suspense fallback={<Fallback />}>
        <Page name="the board" />
      </Suspense>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await act(async () => arrive());
    expect(await screen.findByText('Page of the board')).toBeInTheDocument();
    expect(fallback.renders).toBeGreaterThan(0);
  });

  it('renders a preloaded page in its first commit, without its fallback, from one load of the code', async () => {
    const { loader, arrive, fallback, Fallback, loads } = slowModule();
    const Page = lazyPage(loader, (module) => module.Page);
    arrive();
    await loader();
    render(
      <Suspense fallback={<Fallback />}>
        <Page name="the SLA" />
      </Suspense>,
    );
    // Synchronously after the first render: a page that suspended would show "Loading…" here.
    expect(screen.getByText('Page of the SLA')).toBeInTheDocument();
    expect(fallback.renders).toBe(0);
    expect(loads()).toBe(1);
  });

  it('remembers the module only once it has loaded: a failed load is tried again by the page', async () => {
    let attempts = 0;
    const loader = moduleLoader(async () => {
      attempts++;
      if (attempts === 1) throw new Error('chunk failed');
      return { Page: () => <p>Second try</p> };
    });
    await expect(loader()).rejects.toThrow('chunk failed');
    expect(loader.loaded).toBeUndefined();
    const Page = lazyPage(loader, (module) => module.Page);
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Page />
      </Suspense>,
    );
    expect(await screen.findByText('Second try')).toBeInTheDocument();
    expect(attempts).toBe(2);
  });
});

describe('routeMatches', () => {
  it('matches app paths as the router does: same segments, a :name for any non-empty one', () => {
    expect(routeMatches(PAGE_ROUTES.board, '/w/abc/b/board-1')).toBe(true);
    expect(routeMatches(PAGE_ROUTES.board, '/w/abc/b/board-1/')).toBe(true);
    expect(routeMatches(PAGE_ROUTES.board, '/w/abc/b/')).toBe(false);
    expect(routeMatches(PAGE_ROUTES.workspace, '/w/abc')).toBe(true);
    expect(routeMatches(PAGE_ROUTES.workspace, '/w/abc/kpis')).toBe(false);
    expect(routeMatches(PAGE_ROUTES.verify, '/w/abc/sla/verify')).toBe(true);
    expect(routeMatches(PAGE_ROUTES.settings, '/settings')).toBe(true);
    expect(routeMatches(PAGE_ROUTES.settings, '/setting')).toBe(false);
    expect(routeParams(PAGE_ROUTES.kpis, '/w/abc/kpis')).toEqual({ id: 'abc' });
    expect(routeParams(PAGE_ROUTES.board, '/w/abc/b/board-1/')).toEqual({ id: 'abc', boardId: 'board-1' });
    expect(routeParams(PAGE_ROUTES.settings, '/settings')).toEqual({});
    expect(routeParams(PAGE_ROUTES.kpis, '/w//kpis')).toBeNull();
    expect(routeParams(PAGE_ROUTES.kpis, '/w/abc/sla')).toBeNull();
  });
});

describe('preloadStartPage', () => {
  beforeEach(resetDb);

  it('resolves at once, loading nothing and never failing, for a path that is no page', async () => {
    for (const path of ['/', '/nothing', '/print/', '/print/toString/w/b', '/print/constructor/w/b', '/print/nothing/w/b']) {
      await expect(preloadStartPage(path)).resolves.toBeUndefined();
    }
  });

  it('has the page a reload returns to here before the first render: it shows without the loading status', async () => {
    await preloadStartPage('/backups');
    renderApp({ settings: { language: 'en' }, hash: '#/backups' });
    expect(document.querySelector('.page-loading')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Restore from backup' })).toBeInTheDocument();
  });
});

describe('useLazyComponent', () => {
  /** A host that shows the lazy component while `wanted`, and a button that preloads it. */
  function Host(props: { loader: ModuleLoader<{ Page: (props: { name: string }) => React.ReactElement }>; wanted: boolean; onFailed: () => void }) {
    const { Component, preload } = useLazyComponent(props.loader, pickPage, { wanted: props.wanted, onFailed: props.onFailed, what: 'the test page' });
    return (
      <>
        <button type="button" onPointerEnter={preload} onFocus={preload}>
          Open
        </button>
        {props.wanted && Component ? <Component name="Emma" /> : null}
      </>
    );
  }
  const pickPage = (module: { Page: (props: { name: string }) => React.ReactElement }) => module.Page;

  it('loads on preload, once, and is there at once when wanted afterwards', async () => {
    const { loader, arrive, loads } = slowModule();
    const view = render(<Host loader={loader} wanted={false} onFailed={() => {}} />);
    act(() => screen.getByRole('button', { name: 'Open' }).focus());
    await act(async () => arrive());
    view.rerender(<Host loader={loader} wanted onFailed={() => {}} />);
    expect(screen.getByText('Page of Emma')).toBeTruthy();
    expect(loads()).toBe(1);
  });

  it('loads when wanted without a preload (a shortcut), and shows it on arrival', async () => {
    const { loader, arrive } = slowModule();
    render(<Host loader={loader} wanted onFailed={() => {}} />);
    expect(screen.queryByText('Page of Emma')).toBeNull();
    await act(async () => arrive());
    expect(await screen.findByText('Page of Emma')).toBeTruthy();
  });

  it('calls onFailed and names what did not load when its code cannot be loaded', async () => {
    const loader = moduleLoader<{ Page: (props: { name: string }) => React.ReactElement }>(() => Promise.reject(new Error('chunk missing')));
    const failed = vi.fn<() => void>();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<Host loader={loader} wanted onFailed={failed} />);
    await vi.waitFor(() => expect(failed).toHaveBeenCalledTimes(1));
    expect(logged).toHaveBeenCalledWith('the test page did not load', expect.any(Error));
    logged.mockRestore();
  });
});
