import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { doublyDeflatedBomb } from '../fixtures/pdf/hostile';
import { renderApp, resetDb } from './renderApp';

/**
 * The Verify page on hostile files, in English (hardening.e2e.ts does Japanese in Chromium, with the
 * real worker; jsdom has no workers, so the same job runs inline here).
 */

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

async function openVerify(language: 'en' | 'ja' = 'en') {
  const messages = language === 'ja' ? ja : en;
  const workspaceId = await createWorkspace('W');
  const user = userEvent.setup();
  renderApp({ settings: { language }, hash: `#/w/${workspaceId}/sla/verify` });
  await screen.findByRole('heading', { level: 1, name: messages.sla.verify.title });
  return { user, input: screen.getByLabelText(messages.sla.verify.pick) };
}

describe('Verify page: hostile files', () => {
  it('says why the doubly deflated PDF cannot be read', async () => {
    const { user, input } = await openVerify();
    await user.upload(input, new File([doublyDeflatedBomb()], 'bomb.pdf', { type: 'application/pdf' }));
    expect(
      await screen.findByText(
        'This file cannot be read: part of it is compressed several times over (FlateDecode + FlateDecode), as in files made to exhaust the memory.',
        {},
        // The job loads pdf-lib on first use: slow on a busy machine.
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('File: bomb.pdf')).toBeInTheDocument();
  });

  it('refuses a file over 200 MB from its size, without reading it', async () => {
    const { user, input } = await openVerify();
    const file = new File(['%PDF-1.7\n'], 'huge.pdf', { type: 'application/pdf' });
    Object.defineProperty(file, 'size', { value: 3 * 1024 ** 3 });
    let read = false;
    file.arrayBuffer = async () => {
      read = true;
      return new ArrayBuffer(0);
    };
    await user.upload(input, file);
    expect(await screen.findByText('This file cannot be read: it is larger than 200 MB, the most Alignboard reads.', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(read).toBe(false);
  });
});

describe('Verify page: the verdict is in the UI language only', () => {
  it('ja: a file that is not a PDF is said in Japanese; what the reader said (English) is under a closed technical-details disclosure', async () => {
    const { user, input } = await openVerify('ja');
    await user.upload(input, new File(['hello, not a pdf\n'], 'memo.pdf', { type: 'application/pdf' }));
    const verdict = await screen.findByText('このファイルは PDF として読めません。', {}, { timeout: 15_000 });
    // No English words in the sentence (PDF is a proper name).
    expect(verdict.textContent).not.toMatch(/[a-z]/);
    const details = verdict.closest('.sla-verdict')!.querySelector('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(details.querySelector('summary')).toHaveTextContent('技術的な詳細');
    const code = details.querySelector('code')!;
    expect(code).toHaveAttribute('lang', 'en');
    expect(code.textContent).toMatch(/PDF/);
  });
});

describe('Verify page: the file pickers speak the UI language', () => {
  it('ja: the PDF is chosen with a Japanese button that the keyboard reaches, not the browser’s own “Choose File” / “No file chosen”', async () => {
    const { user, input } = await openVerify('ja');
    // The verify picker (the seal picker, shown once a version is signed, is the same control).
    const buttons = screen.getAllByRole('button', { name: ja.sla.choosePdf });
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toHaveAccessibleDescription(ja.sla.verify.pick);
    // No visible native file control: it would be labelled in the operating system's language.
    for (const fileInput of document.querySelectorAll('input[type="file"]')) expect(fileInput).not.toBeVisible();
    // The button opens the (hidden) file input.
    let opened = 0;
    input.addEventListener('click', () => (opened += 1));
    buttons[0]!.focus();
    await user.keyboard('{Enter}');
    expect(opened).toBe(1);
  });
});

describe('Verify page: the same file can be checked again', () => {
  it('en: the file box is emptied after each pick, so picking the same file again (re-exported under its name) is a new check', async () => {
    const { user, input } = await openVerify();
    const file = () => new File(['hello, not a pdf\n'], 'sla.pdf', { type: 'application/pdf' });
    await user.upload(input, file());
    expect(await screen.findByText('This file cannot be read as a PDF.', {}, { timeout: 15_000 })).toBeInTheDocument();
    // A browser fires no change for the file the box already holds: it must hold none.
    expect((input as HTMLInputElement).value).toBe('');
    expect((input as HTMLInputElement).files).toHaveLength(0);
  });
});
