/**
 * Whether `value` is one of `options` (an `as const` tuple), narrowing it to that union. Codes read
 * from stored or received data pass through this before they pick a translation key, so every key
 * built from them is one the compiler knows.
 */
export function isOneOf<const T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}
