import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import type WebSocket from 'ws';

/**
 * Stands between a real WebSocket and Hocuspocus. Hocuspocus attaches its listeners to this object;
 * every incoming frame is first offered to `admit`, which returns the bytes to pass on (the frame,
 * or a filtered copy of it) or null to pass nothing — because it was handled at the gate, dropped,
 * or refused with `refuse()` — so a refused frame never reaches the sync protocol. Everything else
 * (send, ping, close, readyState) goes straight to the real socket.
 *
 * Frames sent to one connection in one turn of the event loop leave in one write (`stream`, the
 * connection's TCP socket, is corked at the first and uncorked once the turn's I/O is handled): a
 * room relays each note to every connection, and a burst of notes from 30 phones was one system
 * call per frame, most of the server's time (issue 9's bench).
 */
export class GatedSocket extends EventEmitter {
  private refused = false;
  private corked = false;

  constructor(
    readonly socket: WebSocket,
    admit: (data: Uint8Array, isBinary: boolean) => Uint8Array | null,
    private readonly stream: Pick<Duplex, 'cork' | 'uncork' | 'destroyed'> | null = null,
  ) {
    super();
    socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      if (this.refused) return;
      const passed = admit(toBytes(data), isBinary);
      if (passed && !this.refused) this.emit('message', passed);
    });
    socket.on('pong', () => this.emit('pong'));
    socket.on('close', (code: number, reason: Buffer) => this.emit('close', code, reason));
    // ws closes the socket itself after an error (oversized frame, bad UTF-8 in a close frame);
    // without a listener the error would be thrown.
    socket.on('error', () => {});
  }

  get readyState(): number {
    return this.socket.readyState;
  }

  set binaryType(value: WebSocket['binaryType']) {
    this.socket.binaryType = value;
  }

  get binaryType(): WebSocket['binaryType'] {
    return this.socket.binaryType;
  }

  send(data: Uint8Array, callback?: (error?: Error) => void): void {
    const stream = this.stream;
    if (stream && !this.corked && !stream.destroyed) {
      this.corked = true;
      stream.cork();
      setImmediate(() => {
        this.corked = false;
        stream.uncork();
      });
    }
    this.socket.send(data, callback);
  }

  ping(): void {
    this.socket.ping();
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  /** Closes with a reason and stops passing anything on (the rest of a flood is dropped here). */
  refuse(code: number, reason: string): void {
    this.refused = true;
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) this.socket.close(code, reason);
    // A peer that does not answer the close handshake is cut off.
    setTimeout(() => this.socket.terminate(), 2_000).unref();
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/** Messages per second with a burst allowance (a token bucket), on the injected clock. */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes `amount` (a message, or bytes); false, taking nothing, when that is more than is left. */
  take(amount = 1): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}

/**
 * Logs each kind of refusal once per address and minute, however many times it happens (a flood of
 * bad frames or wrong tokens must not flood the log), and says how many were not logged.
 */
export class OnceLog {
  private readonly seen = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly log: (message: string) => void,
    private readonly now: () => number,
    private readonly windowMs = 60_000,
  ) {}

  note(key: string, message: string): void {
    const now = this.now();
    const entry = this.seen.get(key);
    if (entry && now - entry.at < this.windowMs) {
      entry.suppressed++;
      return;
    }
    if (this.seen.size > 1000) this.seen.clear();
    this.seen.set(key, { at: now, suppressed: 0 });
    const more = entry && entry.suppressed > 0 ? ` (${entry.suppressed} more like it since the last report)` : '';
    this.log(`${message}${more}`);
  }
}
