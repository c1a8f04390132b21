import {
  AUDIENCE_CHANNEL,
  type AudienceMessage,
  type AudienceState,
  INITIAL_AUDIENCE_STATE,
  type Presentation,
  readAudienceMessage,
} from '@shared/audience/presentation';

/** What the presenter and follower need of a channel (a BroadcastChannel; tests may pass another). */
export type ChannelLike = {
  send(message: AudienceMessage): void;
  /** Returns a function that stops listening. */
  listen(listener: (data: unknown) => void): () => void;
  close(): void;
};

export function openAudienceChannel(name = AUDIENCE_CHANNEL): ChannelLike {
  const channel = new BroadcastChannel(name);
  return {
    // A BroadcastChannel has no target origin: it reaches only this origin's windows.
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    send: (message) => channel.postMessage(message),
    listen(listener) {
      const onMessage = (event: Event) => listener((event as MessageEvent).data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}

/**
 * The laptop's side: owns what is presented, tells every audience window on each change and
 * answers a `hello` from one that opened or reloaded. Windows of one origin only: a
 * BroadcastChannel never leaves the browser (or Electron's session).
 */
export class Presenter {
  /**
   * Starts from the clock, not 0: a laptop window that reloads must not start below the seq an
   * open audience window already shows (it would ignore the new laptop until it caught up).
   */
  private state: AudienceState = { ...INITIAL_AUDIENCE_STATE, seq: Date.now() };
  private readonly listeners = new Set<(state: AudienceState) => void>();
  private readonly channel: ChannelLike;
  private readonly stopListening: () => void;
  private readonly onMessage = (data: unknown) => {
    const message = readAudienceMessage(data);
    if (message?.type === 'hello') this.post({ type: 'state', state: this.state });
  };

  constructor(channel: ChannelLike = openAudienceChannel()) {
    this.channel = channel;
    this.stopListening = this.channel.listen(this.onMessage);
  }

  get current(): AudienceState {
    return this.state;
  }

  present(presentation: Presentation): void {
    this.update({ presentation });
  }

  setBlank(blank: boolean): void {
    this.update({ blank });
  }

  subscribe(listener: (state: AudienceState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.stopListening();
    this.channel.close();
    this.listeners.clear();
  }

  private update(patch: Partial<Omit<AudienceState, 'seq'>>): void {
    this.state = { ...this.state, ...patch, seq: this.state.seq + 1 };
    this.post({ type: 'state', state: this.state });
    for (const listener of this.listeners) listener(this.state);
  }

  private post(message: AudienceMessage): void {
    this.channel.send(message);
  }
}

/**
 * The audience window's side: asks for the state when it starts and follows every change; a
 * state older than the one shown (out-of-order delivery, a second laptop page) is ignored.
 */
export class AudienceFollower {
  private state: AudienceState | null = null;
  private readonly listeners = new Set<(state: AudienceState) => void>();
  private readonly channel: ChannelLike;
  private readonly stopListening: () => void;
  private readonly onMessage = (data: unknown) => {
    const message = readAudienceMessage(data);
    if (message?.type !== 'state') return;
    if (this.state && message.state.seq < this.state.seq) return;
    this.state = message.state;
    for (const listener of this.listeners) listener(message.state);
  };

  constructor(channel: ChannelLike = openAudienceChannel()) {
    this.channel = channel;
    this.stopListening = this.channel.listen(this.onMessage);
    this.channel.send({ type: 'hello' });
  }

  /** Null until the laptop answered. */
  get current(): AudienceState | null {
    return this.state;
  }

  subscribe(listener: (state: AudienceState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Says goodbye (the laptop learns the window is gone) and stops listening. */
  dispose(): void {
    this.channel.send({ type: 'bye' });
    this.stopListening();
    this.channel.close();
    this.listeners.clear();
  }
}
