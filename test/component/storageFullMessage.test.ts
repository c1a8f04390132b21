import { afterEach, describe, expect, it } from 'vitest';
import { errorMessage, StorageFullError } from '../../renderer/src/db/errors';
import { initI18n } from '../../renderer/src/i18n';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';

afterEach(() => {
  initI18n('en');
});

describe('errorMessage', () => {
  it.each([
    ['en', en.errors.storageFull, 'Could not save: This computer has no room left for Alignboard data.'],
    ['ja', ja.errors.storageFull, '保存できませんでした'],
  ] as const)('words a full disk in the UI language (%s), not as its code “storage-full”', (language, expected, toast) => {
    const i18n = initI18n(language);
    const error = new StorageFullError(new DOMException('quota', 'QuotaExceededError'));
    expect(errorMessage(error)).toBe(expected);
    // As the KPI, SLA and calendar pages show it.
    expect(i18n.t('kpi.errors.failed', { message: errorMessage(error) })).not.toContain('storage-full');
    expect(i18n.t('sla.errors.failed', { message: errorMessage(error) })).toContain(toast);
  });

  it('keeps other errors’ own messages', () => {
    initI18n('ja');
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('text')).toBe('text');
  });
});
