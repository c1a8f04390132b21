import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSampleWorkspace } from '../../renderer/src/db/sample';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

/** The Gap column of the SLA document's table of the volumes the revenue target needs. */
async function gapCells(caption: string | RegExp, gapHeader: string): Promise<string[]> {
  const table = await screen.findByRole('table', { name: caption });
  const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
  const column = headers.indexOf(gapHeader);
  expect(column).toBeGreaterThan(0);
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelectorAll('th, td')[column]!.textContent ?? '');
}

describe('the SLA document’s volumes table writes each gap with its sign, as the funnel does', () => {
  it('en: more than needed is +, short is −, none is 0', async () => {
    const workspaceId = await createSampleWorkspace('en');
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla/document` });
    const gaps = await gapCells('Volumes the revenue target needs', 'Gap');
    expect(gaps.length).toBeGreaterThan(0);
    // Every value is signed unless it is 0 or unknown; the sample has gaps that are not 0.
    expect(gaps.filter((gap) => !/^([+−-][\d,]+|0|—)$/.test(gap))).toEqual([]);
    expect(gaps.some((gap) => /^[+−-]\d/.test(gap))).toBe(true);
  });

  it('ja: the same, in Japanese', async () => {
    const workspaceId = await createSampleWorkspace('ja');
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla/document` });
    const gaps = await gapCells('売上目標に必要な件数', '差');
    expect(gaps.filter((gap) => !/^([+−-][\d,]+|0|—)$/.test(gap))).toEqual([]);
    expect(gaps.some((gap) => /^[+−-]\d/.test(gap))).toBe(true);
  });
});
