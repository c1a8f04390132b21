import type { z } from 'zod';
import {
  eventChannels,
  invokeChannels,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeResult,
} from '../../shared/ipc';
import { encodeHostProblem } from '../../shared/hostProblem';
import { isAppUrl } from './appProtocol';
import { HostFailure } from './hostFailure';

/**
 * Every invoke channel is registered here, through one wrapper that refuses a call before the
 * handler runs unless (1) it comes from the main frame of our own app:// page and (2) its arguments
 * parse with the contract's zod tuple. The handler's result is parsed too, so main cannot drift
 * from what the renderer was promised. A HostFailure of the handler reaches the renderer as its
 * encoded HostProblem; any other error as Electron passes it (its message only).
 */

export type HandlerArgs<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['args']>;
export type Handler<C extends InvokeChannel> = (
  ...args: HandlerArgs<C>
) => InvokeResult<C> | Promise<InvokeResult<C>>;
/** A Record over the contract: leaving a channel out is a compile error. */
export type Handlers = { [C in InvokeChannel]: Handler<C> };

/** The parts of Electron's IpcMainInvokeEvent we look at. */
export type InvokeEvent = {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
};
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
};

/** Why a sender is not trusted, or null when it is (drawio-desktop's validateSender). */
export function senderProblem(frame: InvokeEvent['senderFrame']): string | null {
  // A null frame has navigated away or been destroyed since sending: nothing to trust.
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'the sender is a sub-frame, not the app window';
  if (!isAppUrl(frame.url)) return `the sender ${describeUrl(frame.url)} is not the Alignboard app`;
  return null;
}

function describeUrl(url: string): string {
  return JSON.stringify(url.length > 200 ? `${url.slice(0, 200)}…` : url);
}

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(arguments)'}: ${issue.message}`)
    .join('; ');
}

export function handle<C extends InvokeChannel>(ipcMain: IpcMainLike, channel: C, handler: Handler<C>): void {
  const contract = invokeChannels[channel];
  ipcMain.handle(channel, async (event, ...rawArgs) => {
    const problem = senderProblem(event.senderFrame);
    if (problem) throw new Error(`Refused ${channel}: ${problem}.`);
    const args = contract.args.safeParse(rawArgs);
    if (!args.success) throw new Error(`Refused ${channel}: invalid arguments (${issues(args.error)}).`);
    let result: unknown;
    try {
      result = await (handler as (...a: unknown[]) => unknown)(...args.data);
    } catch (error) {
      // Electron passes only the message on: a problem the user can act on travels inside it as
      // data, for the renderer to word in the user's language (shared/hostProblem.ts).
      if (error instanceof HostFailure) throw new Error(encodeHostProblem(error.problem), { cause: error });
      throw error;
    }
    const checked = contract.result.safeParse(result);
    if (!checked.success) {
      throw new Error(`Internal error in ${channel}: the result does not match the contract (${issues(checked.error)}).`);
    }
    return checked.data;
  });
}

/** Registers every contract channel; returns a function that removes them again. */
export function registerHandlers(ipcMain: IpcMainLike, handlers: Handlers): () => void {
  const channels = Object.keys(invokeChannels) as InvokeChannel[];
  for (const channel of channels) {
    if (typeof handlers[channel] !== 'function') throw new Error(`No IPC handler for ${channel}`);
  }
  for (const channel of channels) handle(ipcMain, channel, handlers[channel] as Handler<typeof channel>);
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

export type EventTarget = { isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void };

/**
 * Sends a main→renderer event after checking the payload against the contract (a bad payload is a
 * bug in main and throws here rather than confusing the renderer). Returns false if there is no
 * live page to receive it.
 */
export function sendEvent<C extends EventChannel>(
  target: EventTarget | null | undefined,
  channel: C,
  payload: EventPayload<C>,
): boolean {
  const parsed = eventChannels[channel].parse(payload);
  if (!target || target.isDestroyed()) return false;
  target.send(channel, parsed);
  return true;
}
