import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { type AppSettings, type Language, languageFromLocale, nextTheme, type RendererSettingsPatch, type Theme } from '@shared/settings';
import type { Host } from '../host';
import { initI18n, loadLanguage } from '../i18n';

type AppContextValue = {
  host: Host;
  settings: AppSettings;
  /** The effective UI language: the chosen one, or the system's. */
  language: Language;
  systemLanguage: Language;
  settingsProblem: string | null;
  updateSettings(patch: RendererSettingsPatch): Promise<void>;
  cycleTheme(): void;
};

const AppContext = createContext<AppContextValue | null>(null);

export function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
}

export function effectiveLanguage(settings: AppSettings, host: Host): Language {
  return settings.language ?? languageFromLocale(host.systemLocale());
}

export function AppProvider(props: {
  host: Host;
  initialSettings: AppSettings;
  settingsProblem: string | null;
  children: ReactNode;
}) {
  const { host } = props;
  const [settings, setSettings] = useState(props.initialSettings);
  const systemLanguage = languageFromLocale(host.systemLocale());
  const language = settings.language ?? systemLanguage;

  const updateSettings = useCallback(
    async (patch: RendererSettingsPatch) => {
      // Apply at once so the UI never waits on storage, then keep what storage accepted. A new
      // language's messages load first (a local chunk), so no text shows as its key meanwhile.
      if (patch.language !== undefined) await loadLanguage(patch.language ?? systemLanguage);
      setSettings((current) => ({ ...current, ...patch }));
      if (patch.theme) applyTheme(patch.theme);
      if (patch.language !== undefined) initI18n(patch.language ?? systemLanguage);
      const saved = await host.setSettings(patch);
      setSettings(saved);
    },
    [host, systemLanguage],
  );

  const cycleTheme = useCallback(() => {
    setSettings((current) => {
      const theme = nextTheme(current.theme);
      applyTheme(theme);
      void host.setSettings({ theme });
      return { ...current, theme };
    });
  }, [host]);

  const value = useMemo(
    () => ({ host, settings, language, systemLanguage, settingsProblem: props.settingsProblem, updateSettings, cycleTheme }),
    [host, settings, language, systemLanguage, props.settingsProblem, updateSettings, cycleTheme],
  );
  return <AppContext.Provider value={value}>{props.children}</AppContext.Provider>;
}

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppProvider');
  return value;
}
