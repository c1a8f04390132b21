import { describe, expect, it } from 'vitest';
import { pdfTimeBudgetMs, tooLargeToRead, verifyPdfOffThread } from '../../renderer/src/features/sla/pdfClient';
import type { FromPdfWorker, ToPdfWorker } from '../../renderer/src/features/sla/pdfJob';
import { MAX_PDF_BYTES } from '../../shared/pdfSeal/contract';
import { doublyDeflatedBomb } from '../fixtures/pdf/hostile';
import { standIn as makeStandIn, type Behaviour } from './standInWorker';

/**
 * The Verify page's worker client (renderer/src/features/sla/pdfClient.ts): the time budget that
 * terminates a worker stuck on a file, a worker that dies, cancelling, and the size check before
 * a file is read. jsdom has no Web Worker, so a stand-in plays the worker here (it answers, stays
 * silent or fails as told); the real worker runs the same job in the e2e test (hardening.e2e.ts).
 */

const verdict: FromPdfWorker = { type: 'verified', result: { status: 'unknown', reason: 'no-seal', detail: 'the PDF has no attached sla-signed.json' } };
const standIn = (behaviour: Behaviour) => makeStandIn<ToPdfWorker>(behaviour, verdict);

const bytes = () => new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]).buffer;

describe('verifyPdfOffThread', () => {
  it('terminates a worker that exceeds its time budget: unreadable, too slow', async () => {
    const { made, createWorker } = standIn('silent');
    const result = await verifyPdfOffThread(bytes(), [], { createWorker, timeBudgetMs: 40 });
    expect(result).toMatchObject({ status: 'unreadable', problem: 'unreadable', refusal: { code: 'too-slow', seconds: 0 } });
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(true);
    expect(made[0]!.received?.type).toBe('verify');
  });

  it('a worker that crashes (out of memory) makes the file unreadable, not the page', async () => {
    const { made, createWorker } = standIn('crash');
    const result = await verifyPdfOffThread(bytes(), [], { createWorker, timeBudgetMs: 10_000 });
    expect(result).toMatchObject({ status: 'unreadable', refusal: { code: 'reader-failed' } });
    expect(result.status === 'unreadable' && result.detail).toMatch(/Out of memory/);
    expect(made[0]!.terminated).toBe(true);
  });

  it('passes the worker\'s verdict on and terminates it', async () => {
    const { made, createWorker } = standIn('answer');
    expect(await verifyPdfOffThread(bytes(), [], { createWorker })).toMatchObject({ status: 'unknown', reason: 'no-seal' });
    expect(made[0]!.terminated).toBe(true);
  });

  it('aborting (another file picked, page left) terminates the worker at once', async () => {
    const { made, createWorker } = standIn('silent');
    const controller = new AbortController();
    const pending = verifyPdfOffThread(bytes(), [], { createWorker, signal: controller.signal, timeBudgetMs: 60_000 });
    controller.abort();
    await pending;
    expect(made[0]!.terminated).toBe(true);
  });

  it('without workers the same job runs inline and refuses the bomb', async () => {
    const bomb = doublyDeflatedBomb();
    const result = await verifyPdfOffThread(bomb.buffer as ArrayBuffer, [], { createWorker: null });
    expect(result).toMatchObject({ status: 'unreadable', refusal: { code: 'chained-filters' } });
  });

  it('gives bigger files more time: 10 s plus a quarter second per MB', () => {
    expect(pdfTimeBudgetMs(2_000)).toBe(10_250);
    expect(pdfTimeBudgetMs(MAX_PDF_BYTES)).toBe(60_000);
  });
});

describe('tooLargeToRead', () => {
  it('refuses a file from its size alone', () => {
    expect(tooLargeToRead({ size: MAX_PDF_BYTES + 1 })).toMatchObject({ refusal: { code: 'file-too-large', limit: MAX_PDF_BYTES } });
    expect(tooLargeToRead({ size: MAX_PDF_BYTES })).toBeNull();
  });
});
