import { useState } from 'react';

/**
 * Whether two records read from IndexedDB hold the same data: plain objects, arrays and primitives
 * compared member by member (what a structured clone of a record consists of). Anything else (a
 * Date, a typed array, a Blob) is the same only when it is the very same object, so a change in
 * one is never missed, at worst a render is not saved.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameData(item, b[index]));
  }
  if (Array.isArray(b) || !isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * `value`, or the value of an earlier render when it holds the same data (sameData): a live query
 * answers each time with new objects, and a view that renders a long document (a print view)
 * renders it again only when its data changed, not when a read brought the same records again.
 */
export function useUnchangedData<T>(value: T): T {
  const [kept, setKept] = useState(value);
  if (kept === value || sameData(kept, value)) return kept;
  // A different value: kept from this render on (React re-renders at once with it).
  setKept(value);
  return value;
}
