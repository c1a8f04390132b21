// The language a window's first module fetches the messages of before the settings are read
// (renderer/src/i18n/messages.ts, boot/): the one the app last showed, else the system's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n, loadLanguage } from '../../renderer/src/i18n';
import { fetchMessages, languageHint, rememberLanguage } from '../../renderer/src/i18n/messages';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
  initI18n('en');
  localStorage.clear();
});

describe('languageHint', () => {
  it('is the system’s language until the app has shown one', () => {
    expect(languageHint()).toBe('en');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('ja-JP');
    expect(languageHint()).toBe('ja');
  });

  it('is the language the app last showed (initI18n remembers it), whatever the system’s', async () => {
    await loadLanguage('ja');
    initI18n('ja');
    expect(languageHint()).toBe('ja');
    initI18n('en');
    expect(languageHint()).toBe('en');
    rememberLanguage('ja');
    expect(languageHint()).toBe('ja');
  });

  it('ignores a stored value that is not a language of the app', () => {
    localStorage.setItem('alignboard.uiLanguage', 'fr');
    expect(languageHint()).toBe('en');
    localStorage.setItem('alignboard.uiLanguage', '{"ja":true}');
    expect(languageHint()).toBe('en');
  });

  it('falls back to the system’s language, and the app still starts, when storage throws', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('ja');
    expect(languageHint()).toBe('ja');
    expect(() => rememberLanguage('en')).not.toThrow();
    await loadLanguage('ja');
    expect(initI18n('ja').t('home.title')).toBe(ja.home.title);
  });
});

describe('fetchMessages', () => {
  it('loads each language once, whoever asks first: the boot module’s guess and main.tsx share one load', async () => {
    const first = fetchMessages('ja');
    expect(fetchMessages('ja')).toBe(first);
    expect((await first).home.title).toBe(ja.home.title);
    expect((await fetchMessages('en')).home.title).toBe(en.home.title);
  });
});
