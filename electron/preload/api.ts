// Type-only imports: the sandboxed preload bundle then carries no zod and no schemas, only the
// channel names below (which the compiler checks against the contract in both directions).
import type { EventChannel, InvokeChannel, PreloadApi } from '../../shared/ipc';

/** Listing each name once as a key makes a missing or misspelt channel a compile error. */
const INVOKE_CHANNELS = {
  'app:info': true,
  'settings:get': true,
  'settings:set': true,
  'file:saveWorkspace': true,
  'file:openWorkspace': true,
  'file:saveImage': true,
  'backup:save': true,
  'backup:list': true,
  'backup:read': true,
  'pdf:export': true,
  'pdf:save': true,
  'pdf:ready': true,
  'room:open': true,
  'room:list': true,
  'room:addresses': true,
  'room:lock': true,
  'room:remove': true,
  'room:close': true,
  'audience:open': true,
  'audience:close': true,
} as const satisfies Record<InvokeChannel, true>;

const EVENT_CHANNELS = {
  'menu:command': true,
  'backup:due': true,
  'file:opened': true,
  'room:changed': true,
  'audience:closed': true,
} as const satisfies Record<EventChannel, true>;

export const invokeChannelNames = Object.keys(INVOKE_CHANNELS) as InvokeChannel[];
export const eventChannelNames = Object.keys(EVENT_CHANNELS) as EventChannel[];

/** The slice of Electron's ipcRenderer the API needs; the raw object itself never leaves here. */
export type IpcRendererLike = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
};

/** Events held per channel while nobody listens yet (see createPreloadApi). */
export const MAX_HELD_EVENTS = 10;

type Listener = (payload: unknown) => void;

/**
 * Builds `window.alignboard`: plain functions only. Invokes forward their arguments (main validates
 * them); listeners get the payload alone, never the IpcRendererEvent (whose `sender` would hand the
 * page ipcRenderer itself); each subscription returns its own unsubscribe function.
 *
 * Main sends `backup:due` and `file:opened` as soon as the page has loaded, which can be before
 * React has rendered and subscribed. So an event that arrives while its channel has no listener is
 * held (the newest MAX_HELD_EVENTS) and delivered, asynchronously, to whoever is subscribed once
 * someone subscribes: a StrictMode subscribe–unsubscribe–subscribe still gets it exactly once.
 */
export function createPreloadApi(ipc: IpcRendererLike, schedule: (task: () => void) => void = queueMicrotask): PreloadApi {
  const invoke: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const channel of invokeChannelNames) {
    invoke[channel] = (...args: unknown[]) => ipc.invoke(channel, ...args);
  }

  const on: Record<string, (listener: Listener) => () => void> = {};
  for (const channel of eventChannelNames) {
    const listeners = new Set<{ listener: Listener }>();
    const held: unknown[] = [];
    const dispatch = (payload: unknown) => {
      // A snapshot: a listener that subscribes another during dispatch must not call it for this event.
      for (const entry of Array.from(listeners)) {
        try {
          entry.listener(payload);
        } catch (error) {
          // One failing listener must not keep the event from the others.
          console.error(`alignboard.on['${channel}'] listener failed`, error);
        }
      }
    };
    const flush = () => {
      if (listeners.size === 0) return;
      for (const payload of held.splice(0)) dispatch(payload);
    };
    ipc.on(channel, (_event, payload) => {
      if (listeners.size > 0) return dispatch(payload);
      held.push(payload);
      if (held.length > MAX_HELD_EVENTS) held.shift();
    });

    on[channel] = (listener) => {
      if (typeof listener !== 'function') throw new TypeError(`alignboard.on['${channel}'] needs a function`);
      const entry = { listener };
      listeners.add(entry);
      if (held.length > 0) schedule(flush);
      return () => {
        listeners.delete(entry);
      };
    };
  }

  return Object.freeze({
    invoke: Object.freeze(invoke),
    on: Object.freeze(on),
  }) as unknown as PreloadApi;
}
