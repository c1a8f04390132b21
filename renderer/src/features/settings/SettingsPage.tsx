import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, THEMES, type Theme } from '@shared/settings';
import { useApp } from '../../app/AppContext';
import { formatBytes } from '../../i18n';
import { Field } from '../../ui/Field';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

type StorageInfo = { usage: number; quota: number; persisted: boolean } | null;

async function readStorage(): Promise<StorageInfo> {
  if (!navigator.storage?.estimate) return null;
  const estimate = await navigator.storage.estimate();
  const persisted = navigator.storage.persisted ? await navigator.storage.persisted() : false;
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { settings, updateSettings, language, systemLanguage, settingsProblem, host } = useApp();
  const [storage, setStorage] = useState<StorageInfo>(null);
  const [version, setVersion] = useState('');
  useDocumentTitle(t('settings.title'));

  useEffect(() => {
    void readStorage().then(setStorage);
    void host.appInfo().then((info) => setVersion(info.version));
  }, [host]);

  return (
    <section aria-labelledby="settings-title" className="page narrow">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {settingsProblem ? (
        <p role="alert" className="notice warning">
          {t('settings.settingsProblem', { problem: settingsProblem })}
        </p>
      ) : null}
      <div className="card">
        <Field label={t('settings.language')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={settings.language ?? 'system'}
              onChange={(e) => void updateSettings({ language: e.target.value === 'system' ? null : (e.target.value as Language) })}
            >
              <option value="system">{t('settings.languageSystem', { language: t(`language.${systemLanguage}`) })}</option>
              {LANGUAGES.map((lang) => (
                <option key={lang} value={lang} lang={lang}>
                  {t(`language.${lang}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="field">
          <legend>{t('settings.theme')}</legend>
          {THEMES.map((theme) => (
            <label key={theme} className="radio">
              <input
                type="radio"
                name="theme"
                value={theme}
                checked={settings.theme === theme}
                onChange={() => void updateSettings({ theme: theme as Theme })}
              />
              {t(`settings.themes.${theme}`)}
            </label>
          ))}
          <p className="field-hint">{t('settings.themeHint')}</p>
        </fieldset>
      </div>
      <section className="card" aria-labelledby="storage-title">
        <h2 id="storage-title">{t('settings.storage')}</h2>
        {storage ? (
          <>
            <p>{t('settings.storageUsage', { used: formatBytes(storage.usage, language), quota: formatBytes(storage.quota, language) })}</p>
            <meter min={0} max={storage.quota || 1} value={storage.usage} aria-label={t('settings.storage')} />
            <p>{storage.persisted ? t('settings.persisted') : t('settings.notPersisted')}</p>
            {!storage.persisted ? (
              <button
                type="button"
                className="button"
                onClick={async () => {
                  await navigator.storage.persist?.();
                  setStorage(await readStorage());
                }}
              >
                {t('settings.requestPersist')}
              </button>
            ) : null}
          </>
        ) : (
          <p>{t('settings.storageUnknown')}</p>
        )}
      </section>
      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">{t('settings.about')}</h2>
        <p>
          {t('app.name')} — {t('app.tagline')}
        </p>
        {version ? <p>{t('settings.version', { version })}</p> : null}
      </section>
    </section>
  );
}
