/** Turns storage errors into something a person can act on. */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('storage-full', { cause });
    this.name = 'StorageFullError';
  }
}

export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const name = (current as { name?: string }).name;
    if (name === 'QuotaExceededError' || name === 'QuotaExceeded') return true;
    current = (current as { inner?: unknown; cause?: unknown }).inner ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The UI language's words for a full disk (set by initI18n; this module stays free of the UI's i18n). */
let storageFullText: (() => string) | null = null;

export function setStorageFullText(text: () => string): void {
  storageFullText = text;
}

/**
 * What a failure says inside a message such as “Could not save: {{message}}”. A full disk is
 * worded in the UI language (its own message is the code 'storage-full', which pages that show
 * errorMessage would print as is).
 */
export function errorMessage(error: unknown): string {
  if (error instanceof StorageFullError && storageFullText) return storageFullText();
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
