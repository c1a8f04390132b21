/**
 * `JSON.stringify(value, null, 1)`, the same text, built faster for workspace files.
 *
 * V8 serializes a string into the output buffer of the whole call: once the text holds one
 * character outside Latin-1 (a Japanese member name), every later character is written through
 * its slow two-byte path, and an export's board documents (megabytes of base64) came out at a
 * fraction of the speed of the same strings serialized on their own; an indent also keeps V8 off
 * its fast path. Here containers are walked in JS and every string and number is serialized by a
 * call of its own, so long one-byte strings stay on the fast path; the parts are joined once.
 */
export function jsonText(value: unknown): string | undefined {
  const parts: string[] = [];
  if (!write(parts, '', value, '')) return undefined;
  return parts.join('');
}

const INDENT = ' ';
const BOXED = new Set(['[object Number]', '[object String]', '[object Boolean]']);

/** What JSON.stringify serializes for `value` (the property `key` of its holder): its toJSON() if it has one. */
function toJsonValue(key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(key: string): unknown }).toJSON.call(value, key);
  }
  if (typeof value === 'bigint' && typeof (BigInt.prototype as { toJSON?: unknown }).toJSON === 'function') {
    return (value as unknown as { toJSON(key: string): unknown }).toJSON(key);
  }
  return value;
}

/** Writes `raw` (the property `key` of its holder) at `indent`; false when it has no JSON form (undefined, a function, a symbol). */
function write(parts: string[], key: string, raw: unknown, indent: string): boolean {
  const value = toJsonValue(key, raw);
  if (typeof value !== 'object' || value === null) {
    // Strings, numbers, booleans and null; undefined, functions and symbols give undefined;
    // a BigInt throws, as JSON.stringify does.
    const text = JSON.stringify(value);
    if (text === undefined) return false;
    parts.push(text);
    return true;
  }
  if (BOXED.has(Object.prototype.toString.call(value))) {
    // new Number(1), new String('s'), new Boolean(false): JSON.stringify writes their primitive.
    parts.push(JSON.stringify(value) as string);
    return true;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      parts.push('[]');
      return true;
    }
    parts.push('[');
    for (let index = 0; index < value.length; index++) {
      parts.push(index === 0 ? '\n' : ',\n', inner);
      if (!write(parts, String(index), value[index], inner)) parts.push('null');
    }
    parts.push('\n', indent, ']');
    return true;
  }
  const record = value as Record<string, unknown>;
  let first = true;
  for (const name of Object.keys(record)) {
    const at = parts.length;
    parts.push(first ? '{\n' : ',\n', inner, JSON.stringify(name), ': ');
    if (write(parts, name, record[name], inner)) first = false;
    else parts.length = at;
  }
  parts.push(first ? '{}' : `\n${indent}}`);
  return true;
}
