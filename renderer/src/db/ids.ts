/** Random ids (crypto.randomUUID is available in every browser we run in, and in jsdom/Node). */
export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}
