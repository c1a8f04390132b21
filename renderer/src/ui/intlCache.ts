/**
 * Intl formatters are costly to build (the locale's data is looked up each time) and pages format
 * hundreds of dates, numbers and lists (an SLA's print view, a KPI dashboard of 8 KPIs × 36 months,
 * a calendar's grid): each formatter is built once per `key` (its kind, language and options) and
 * kept.
 */
const formatters = new Map<string, unknown>();

export function intlFormatter<F>(key: string, make: () => F): F {
  let found = formatters.get(key) as F | undefined;
  if (found === undefined) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}
