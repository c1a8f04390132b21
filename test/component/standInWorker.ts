import type { WorkerLike } from '../../renderer/src/workers/workerJob';

/**
 * A Web Worker's stand-in for component tests (jsdom has none): it stays silent, crashes (an
 * error event, as when a worker runs out of memory) or answers `reply`, as told; it records the
 * message it was given and whether it was terminated. The real workers run in the e2e tests.
 */
export type Behaviour = 'silent' | 'crash' | 'answer';

export class StandInWorker<Message = unknown> implements WorkerLike {
  terminated = false;
  received: Message | null = null;
  transferred: Transferable[] = [];
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();
  constructor(
    private readonly behaviour: Behaviour,
    private readonly reply?: unknown,
  ) {}

  addEventListener(type: string, listener: EventListenerOrEventListenerObject) {
    const list = this.listeners.get(type) ?? [];
    list.push(listener as (event: Event) => void);
    this.listeners.set(type, list);
  }

  postMessage(message: Message, transfer?: Transferable[] | StructuredSerializeOptions) {
    this.received = message;
    this.transferred = Array.isArray(transfer) ? transfer : [];
    if (this.behaviour === 'crash') setTimeout(() => this.emit('error', Object.assign(new Event('error'), { message: 'Out of memory' })), 5);
    if (this.behaviour === 'answer') setTimeout(() => this.emit('message', new MessageEvent('message', { data: this.reply })), 5);
  }

  terminate() {
    this.terminated = true;
  }

  private emit(type: string, event: Event) {
    if (this.terminated) return;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** A worker factory that makes stand-ins and keeps them (`made`) for the test to inspect. */
export function standIn<Message = unknown>(behaviour: Behaviour, reply?: unknown) {
  const made: StandInWorker<Message>[] = [];
  return { made, createWorker: () => made[made.push(new StandInWorker<Message>(behaviour, reply)) - 1]! };
}
