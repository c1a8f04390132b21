import { decodeHostProblem, type HostProblem, hostProblemReason, hostProblemText } from '@shared/hostProblem';
import { i18n, loadedMessages } from '../i18n';

/** The UI language's failure sentences (the language when the failure happens). */
function strings() {
  return loadedMessages(i18n.language === 'ja' ? 'ja' : 'en').hostErrors;
}

/**
 * A failure of the outside world as both hosts report it: `problem` is the data (for code that
 * reacts to a kind), `message` the sentence in the UI language, so the many places that show
 * `errorMessage(error)` inside their own translated sentence need no change.
 */
export class HostError extends Error {
  constructor(
    readonly problem: HostProblem,
    options?: { cause?: unknown },
  ) {
    super(hostProblemText(problem, strings()), options);
    this.name = 'HostError';
  }

  /** "the disk is full": the reason alone, for a sentence that names the file or workspace itself. */
  get reason(): string | null {
    return hostProblemReason(this.problem, strings());
  }
}

/** Electron prefixes errors from main with "Error invoking remote method 'channel': Error: ". */
const IPC_PREFIX = /^Error invoking remote method '[^']+': (?:\w*Error: )?/;

/**
 * Any error of a host call as a HostError: the problem main encoded in it (checked with its schema),
 * or an unexpected one carrying the bare detail without Electron's English prefix.
 */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const message = error instanceof Error ? error.message || error.name : String(error);
  const problem = decodeHostProblem(message);
  return new HostError(problem ?? { kind: 'unexpected', detail: message.replace(IPC_PREFIX, '').trim().slice(0, 2000) }, { cause: error });
}

/** Runs a host call, turning whatever it rejects with into a HostError. */
export async function hostCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toHostError(error);
  }
}
