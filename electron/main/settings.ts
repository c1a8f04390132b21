import nodePath from 'node:path';
import { z } from 'zod';
import { AppSettings, SettingsPatch, WindowBounds } from '../../shared/settings';
import { compactTimestamp } from './time';

/**
 * App preferences and window bounds in `<userData>/settings.json` (electron-store, with a JSON
 * schema generated from the zod schema). A file that is not JSON or breaks the schema never stops
 * the app: it is moved aside as `settings.corrupt-<UTC timestamp>.json`, defaults are used, and the
 * reason is reported once per run through `settings:get`'s `problem`.
 */

export const SETTINGS_NAME = 'settings';

export const StoredSettings = AppSettings.extend({
  windowBounds: WindowBounds.nullable().default(null),
});
export type StoredSettings = z.infer<typeof StoredSettings>;

const DEFAULT_STORED: StoredSettings = StoredSettings.parse({});

/**
 * electron-store wants one JSON schema per top-level key, in draft-07 (what its ajv speaks).
 * `default` keywords are removed: ajv's strict mode refuses defaults inside `anyOf` (a nullable
 * object), and defaults are applied by the `defaults` option and by zod anyway.
 */
export function settingsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(StoredSettings, { target: 'draft-07', io: 'input' }) as {
    properties: Record<string, unknown>;
  };
  return withoutDefaults(schema.properties, true) as Record<string, unknown>;
}

/** Drops the `default` keyword everywhere; `isPropertyMap` spares a property that is named "default". */
function withoutDefaults(value: unknown, isPropertyMap = false): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutDefaults(item));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => isPropertyMap || key !== 'default')
      .map(([key, inner]) => [key, withoutDefaults(inner, !isPropertyMap && key === 'properties')]),
  );
}

export type StoreOptions = {
  name: string;
  cwd: string;
  schema: Record<string, unknown>;
  defaults: Record<string, unknown>;
  /** We handle a bad file ourselves (move it aside and say so) rather than silently wiping it. */
  clearInvalidConfig: false;
  accessPropertiesByDotNotation: false;
  watch: false;
};
/** The part of an electron-store (or conf) instance we use. `store` reads/writes the whole file. */
export type KeyValueStore = { readonly path: string; store: Record<string, unknown> };
export type CreateStore = (options: StoreOptions) => KeyValueStore;

export type SettingsFs = {
  renameSync(from: string, to: string): void;
  existsSync(path: string): boolean;
};

export type SettingsDeps = {
  dir: string;
  createStore: CreateStore;
  fs: SettingsFs;
  now: () => Date;
};

export type SettingsService = {
  get(): { settings: AppSettings; problem: string | null };
  update(patch: SettingsPatch): AppSettings;
  windowBounds(): WindowBounds | null;
  saveWindowBounds(bounds: WindowBounds): void;
};

function describeReadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SyntaxError) return `it is not valid JSON (${message})`;
  if (message.startsWith('Config schema violation:')) {
    return `it contains invalid values (${message.slice('Config schema violation:'.length).trim()})`;
  }
  return `it could not be read (${message})`;
}

/** Keeps the app running on a read-only or vanished disk: values live for this session only. */
function memoryStore(path: string): KeyValueStore {
  let data: Record<string, unknown> = { ...DEFAULT_STORED };
  return {
    path,
    get store() {
      return { ...data };
    },
    set store(value) {
      data = { ...value };
    },
  };
}

export function openSettings({ dir, createStore, fs, now }: SettingsDeps): SettingsService {
  const fileName = `${SETTINGS_NAME}.json`;
  const filePath = nodePath.join(dir, fileName);
  const options: StoreOptions = {
    name: SETTINGS_NAME,
    cwd: dir,
    schema: settingsJsonSchema(),
    defaults: { ...DEFAULT_STORED },
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  };

  const load = (): { store: KeyValueStore; raw: Record<string, unknown> } => {
    const store = createStore(options);
    const raw = store.store;
    const parsed = StoredSettings.safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `\`${i.path.join('.')}\` ${i.message}`).join('; ');
      throw new Error(`Config schema violation: ${detail}`);
    }
    // Unknown keys (a newer version's settings) are kept and written back untouched.
    return { store, raw: { ...raw, ...parsed.data } };
  };

  let problem: string | null = null;
  let store: KeyValueStore;
  let data: Record<string, unknown>;
  try {
    ({ store, raw: data } = load());
  } catch (error) {
    const reason = describeReadError(error);
    const aside = moveAside(fs, dir, now());
    if (aside.ok) {
      problem = `${fileName} was not usable because ${reason}. It was kept as ${aside.name}.`;
      try {
        ({ store, raw: data } = load());
      } catch (again) {
        problem += ` A new settings file could not be created either (${errorMessage(again)}), so changes last only until Alignboard is closed.`;
        store = memoryStore(filePath);
        data = store.store;
      }
    } else {
      problem = `${fileName} was not usable because ${reason}, and it could not be moved aside (${aside.error}). Changes last only until Alignboard is closed.`;
      store = memoryStore(filePath);
      data = store.store;
    }
  }

  const current = (): StoredSettings => StoredSettings.parse(data);
  const write = (next: Record<string, unknown>) => {
    store.store = next; // electron-store validates against the schema and writes atomically
    data = next;
  };

  return {
    get: () => ({ settings: AppSettings.parse(current()), problem }),
    update(patch) {
      const next = StoredSettings.parse({ ...current(), ...SettingsPatch.parse(patch) });
      write({ ...data, ...next });
      return AppSettings.parse(next);
    },
    windowBounds: () => current().windowBounds,
    saveWindowBounds(bounds) {
      const parsed = WindowBounds.safeParse(bounds);
      // Out-of-range bounds (a window squeezed below the minimum) are not worth remembering.
      if (parsed.success) write({ ...data, windowBounds: parsed.data });
    },
  };

  function moveAside(
    files: SettingsFs,
    folder: string,
    at: Date,
  ): { ok: true; name: string } | { ok: false; error: string } {
    const stamp = compactTimestamp(at);
    let name = `${SETTINGS_NAME}.corrupt-${stamp}.json`;
    for (let n = 2; files.existsSync(nodePath.join(folder, name)); n++) {
      name = `${SETTINGS_NAME}.corrupt-${stamp}-${n}.json`;
    }
    try {
      files.renameSync(filePath, nodePath.join(folder, name));
      return { ok: true, name };
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A screen's work area (Electron's `Display.workArea`). */
export type DisplayArea = { x: number; y: number; width: number; height: number };
export type InitialBounds = { x?: number; y?: number; width: number; height: number; maximized: boolean };

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
/** How much of the window must lie on one display to count as reachable (enough to grab it). */
const MIN_VISIBLE = { width: 120, height: 60 } as const;

function overlap(a: DisplayArea, b: DisplayArea): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function fitSize(size: { width: number; height: number }, area: DisplayArea | undefined) {
  if (!area) return { width: size.width, height: size.height };
  return { width: Math.min(size.width, area.width), height: Math.min(size.height, area.height) };
}

/**
 * Where to open the window: the saved position if a usable part of the window (including its top
 * edge, where the title bar is) is on a display that exists now; otherwise no position, so Electron
 * centres it on the primary display (`displays[0]`). The size never exceeds the display it goes on.
 */
export function restoreWindowBounds(saved: WindowBounds | null, displays: readonly DisplayArea[]): InitialBounds {
  const primary = displays[0];
  if (!saved) return { ...fitSize(DEFAULT_WINDOW_SIZE, primary), maximized: false };
  if (saved.x !== undefined && saved.y !== undefined) {
    const rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
    const host = displays.find((area) => {
      const visible = overlap(rect, area);
      const topEdgeOnScreen = rect.y >= area.y && rect.y < area.y + area.height;
      return visible.width >= MIN_VISIBLE.width && visible.height >= MIN_VISIBLE.height && topEdgeOnScreen;
    });
    if (host) return { x: saved.x, y: saved.y, ...fitSize(saved, host), maximized: saved.maximized };
  }
  return { ...fitSize(saved, primary), maximized: saved.maximized };
}
