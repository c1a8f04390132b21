import type { IncomingMessage } from 'node:http';

/**
 * A request's body as text, or null when it is larger than `limit` bytes or the request fails. An
 * oversized body is read to its end (within the server's request timeout) but not kept, so the
 * answer can still be sent on the same connection.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(null));
  });
}
