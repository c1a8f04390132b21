import type { z } from 'zod';

/**
 * Electron hands the renderer only the message of an error thrown in main ("Error invoking remote
 * method 'ch': Error: <message>"), so a problem meant for the user crosses IPC as a marker and its
 * JSON at the end of the message; the renderer parses it back with the problem's schema, never
 * trusting its shape. One way for every kind of problem (host problems, room problems).
 */
export function encodeIpcProblem<T>(marker: string, schema: z.ZodType<T>, problem: T, message = ''): string {
  return `${message}${marker}${JSON.stringify(schema.parse(problem))}`;
}

/**
 * The problem at the end of an error message (whatever prefix Electron added) and the text before
 * its marker, or null when it holds none or a malformed one.
 */
export function decodeIpcProblem<T>(marker: string, schema: z.ZodType<T>, text: string): { problem: T; before: string } | null {
  const start = text.lastIndexOf(marker);
  if (start < 0) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text.slice(start + marker.length)));
    return parsed.success ? { problem: parsed.data, before: text.slice(0, start) } : null;
  } catch {
    return null;
  }
}
