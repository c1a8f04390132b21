import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { Route, Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { AppProvider } from '../../renderer/src/app/AppContext';
import { PageBreak, PrintLayout, printClasses } from '../../renderer/src/features/print/PrintLayout';
import { PrintRoot } from '../../renderer/src/features/print/PrintRoot';
import { PRINT_READY_SELECTOR, usePrintReady } from '../../renderer/src/features/print/usePrintReady';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import type { Host } from '../../renderer/src/host';
import { initI18n } from '../../renderer/src/i18n';

/** A print view as the persona sheet, SLA and minutes will be: data first, then ready. */
function SheetView({ kind, id, loaded = true, problem = null }: { kind: 'persona-sheet' | 'sla'; id: string; loaded?: boolean; problem?: string | null }) {
  usePrintReady(loaded, problem);
  return (
    <PrintLayout kind={kind} title={`Sheet ${id}`}>
      <h1>Sheet {id}</h1>
      <p className={printClasses.avoidBreak}>購買担当の田中さん</p>
      <PageBreak />
      <p>Second page</p>
    </PrintLayout>
  );
}

const ROUTES = (
  <>
    <Route path="/print/persona/:workspaceId/:boardId">{(params) => <SheetView kind="persona-sheet" id={`${params.workspaceId}/${params.boardId}`} />}</Route>
    <Route path="/print/sla/:workspaceId/:versionId">{(params) => <SheetView kind="sla" id={params.versionId} />}</Route>
    <Route path="/print/missing/:id">{(params) => <SheetView kind="sla" id={params.id} loaded={false} problem="the SLA version was deleted" />}</Route>
  </>
);

type FakeHost = Host & { printReady: Mock<Host['printReady']>; printFailed: Mock<Host['printFailed']> };

function fakeHost(): FakeHost {
  return {
    ...createBrowserHost(localStorage),
    onBackupDue: () => () => {},
    printReady: vi.fn<Host['printReady']>(async () => {}),
    printFailed: vi.fn<Host['printFailed']>(async () => {}),
  };
}

function renderAt(hash: string, options: { host?: Host; strict?: boolean } = {}) {
  window.location.hash = hash;
  const host = options.host ?? fakeHost();
  const i18n = initI18n('en');
  const tree = (
    <I18nextProvider i18n={i18n}>
      <AppProvider host={host} initialSettings={DEFAULT_SETTINGS} settingsProblem={null}>
        {/* oxlint-disable-next-line react/rules-of-hooks */}
        <Router hook={useHashLocation}>
          <PrintRoot routes={ROUTES} />
        </Router>
      </AppProvider>
    </I18nextProvider>
  );
  return { host, ...render(options.strict === false ? tree : <StrictMode>{tree}</StrictMode>) };
}

afterEach(() => {
  delete document.documentElement.dataset.printReady;
  delete document.documentElement.dataset.printProblem;
  window.location.hash = '';
});

describe('PrintRoot', () => {
  it('renders the print view of a print route', async () => {
    const { host } = renderAt('#/print/persona/w1/b1');
    expect(screen.getByRole('heading', { name: 'Sheet w1/b1' })).toBeInTheDocument();
    await waitFor(() => expect(host.printReady).toHaveBeenCalled());
  });

  it('says at once that an address which is no print route cannot be printed', async () => {
    const { host } = renderAt('#/w/1');
    expect(screen.getByRole('alert')).toHaveTextContent('There is nothing to print at this address.');
    await waitFor(() => expect(host.printFailed).toHaveBeenCalledWith('there is no print view at this address'));
  });

  it('matches the route without the paper query and hands the paper to the layout', () => {
    const { container } = renderAt('#/print/sla/w1/v2?paper=Letter');
    expect(screen.getByRole('heading', { name: 'Sheet v2' })).toBeInTheDocument();
    const layout = container.querySelector('.print-layout')!;
    expect(layout).toHaveAttribute('data-paper', 'Letter');
    expect(layout).toHaveAttribute('data-orientation', 'portrait');
    expect(layout.querySelector('style')!.textContent).toBe('@page { size: 215.9mm 279.4mm; margin: 18mm 18mm 20mm 18mm; }');
  });

  it('keeps the persona sheet on A4 landscape whatever paper the URL asks for', () => {
    const { container } = renderAt('#/print/persona/w1/b1?paper=Letter');
    const layout = container.querySelector('.print-layout')!;
    expect(layout).toHaveAttribute('data-paper', 'A4');
    expect(layout).toHaveAttribute('data-orientation', 'landscape');
    expect(layout.querySelector('style')!.textContent).toBe('@page { size: 297mm 210mm; margin: 10mm 10mm 10mm 10mm; }');
    expect((layout as HTMLElement).style.getPropertyValue('--print-content-width')).toBe('277mm');
  });

  it('says at once that an unknown print route cannot be printed', async () => {
    const { host } = renderAt('#/print/nothing/here');
    expect(screen.getByRole('alert')).toHaveTextContent('There is nothing to print at this address.');
    await waitFor(() => expect(host.printFailed).toHaveBeenCalledWith('there is no print view at this address'));
    expect(document.documentElement.dataset.printReady).toBe('error');
    expect(host.printReady).not.toHaveBeenCalled();
  });

  it('prints on white paper whatever the theme, and gives the theme back afterwards', () => {
    document.documentElement.dataset.theme = 'projector';
    const { unmount } = renderAt('#/print/persona/w1/b1');
    expect(document.documentElement.dataset.theme).toBe('light');
    unmount();
    expect(document.documentElement.dataset.theme).toBe('projector');
  });

  it('names the document after the view (the PDF title)', async () => {
    renderAt('#/print/sla/w1/v7');
    await waitFor(() => expect(document.title).toBe('Sheet v7'));
  });

  it('opened for reading in the app window (view=screen): a bar with Back and Print, focused, and no print host told', async () => {
    const { host } = renderAt('#/print/sla/w1/v7?paper=A4&view=screen');
    expect(screen.getByRole('heading', { name: 'Sheet v7' })).toBeInTheDocument();
    const bar = screen.getByRole('navigation', { name: 'Print view' });
    const back = within(bar).getByRole('button', { name: 'Back' });
    expect(within(bar).getByRole('button', { name: 'Print…' })).toBeInTheDocument();
    await waitFor(() => expect(back).toHaveFocus());
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(host.printReady).not.toHaveBeenCalled();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    fireEvent.click(within(bar).getByRole('button', { name: 'Print…' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('shows no bar when a print host loads the route', () => {
    renderAt('#/print/sla/w1/v7?paper=A4');
    expect(screen.queryByRole('navigation', { name: 'Print view' })).not.toBeInTheDocument();
  });
});

describe('usePrintReady', () => {
  it('marks the page ready and tells the host once, even under StrictMode', async () => {
    const { host } = renderAt('#/print/persona/w1/b1');
    await waitFor(() => expect(document.querySelector(PRINT_READY_SELECTOR)).toBe(document.documentElement));
    // Let any second, cancelled effect run out.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(host.printReady).toHaveBeenCalledTimes(1);
  });

  it('waits until the data is there', async () => {
    const host = fakeHost();
    function LoadingView() {
      const [loaded, setLoaded] = useState(false);
      usePrintReady(loaded);
      return (
        <PrintLayout kind="sla" title="SLA">
          {loaded ? 'SLA body' : <button onClick={() => setLoaded(true)}>Data arrives</button>}
        </PrintLayout>
      );
    }
    render(
      <AppProvider host={host} initialSettings={DEFAULT_SETTINGS} settingsProblem={null}>
        <LoadingView />
      </AppProvider>,
    );
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(document.documentElement.dataset.printReady).toBeUndefined();
    expect(host.printReady).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Data arrives' }));
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'));
    expect(host.printReady).toHaveBeenCalledTimes(1);
  });

  it('reports a page whose data is gone instead of letting it time out', async () => {
    const { host } = renderAt('#/print/missing/v1');
    await waitFor(() => expect(host.printFailed).toHaveBeenCalledWith('the SLA version was deleted'));
    expect(document.documentElement.dataset.printReady).toBe('error');
    expect(document.documentElement.dataset.printProblem).toBe('the SLA version was deleted');
    expect(host.printReady).not.toHaveBeenCalled();
  });

  it('clears the mark when the view goes away', async () => {
    const { unmount } = renderAt('#/print/persona/w1/b1');
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'));
    unmount();
    expect(document.documentElement.dataset.printReady).toBeUndefined();
  });

  it('keeps the page printable when the host cannot be told', async () => {
    const host = fakeHost();
    host.printReady.mockRejectedValueOnce(new Error('main is gone'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      renderAt('#/print/persona/w1/b1', { host, strict: false });
      await waitFor(() => expect(errors).toHaveBeenCalledWith('could not report that the page is ready to print', expect.any(Error)));
      expect(document.documentElement.dataset.printReady).toBe('true');
    } finally {
      errors.mockRestore();
    }
  });
});
