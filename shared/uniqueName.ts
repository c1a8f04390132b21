import { fitWithin } from './fitText';

/**
 * How two names compare when they must differ: as a reader of a list tells them apart. The same
 * text in composed and decomposed Unicode looks identical (NFC), and names differing only in case
 * are not told apart at a glance (as Windows and macOS treat file names).
 */
export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/**
 * `name` if no name in `taken` reads the same (nameKey), else the first free `numbered(name, n)`
 * for n = 2, 3, … (“Acme (2)”, as Windows numbers a second “New folder”). Every candidate is kept
 * within `max` characters (fitWithin: the name is shortened, with “…”, never the number).
 */
export function uniqueName(name: string, taken: Iterable<string>, max: number, numbered: (name: string, number: number) => string): string {
  const keys = new Set<string>();
  for (const other of taken) keys.add(nameKey(other));
  const trimmed = name.trim();
  const plain = fitWithin(max, trimmed, (shortened) => shortened);
  if (!keys.has(nameKey(plain))) return plain;
  // At most keys.size + 1 tries: each taken name blocks one number at most.
  for (let number = 2; ; number++) {
    const candidate = fitWithin(max, trimmed, (shortened) => numbered(shortened, number));
    if (!keys.has(nameKey(candidate))) return candidate;
  }
}
