import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { addNodes, newSticky, nodesMap } from '../../shared/board/doc';
import { authorFields } from '../../shared/rooms/identity';
import type { JoinResponse } from '../../shared/rooms/protocol';
import { connectClient, joinAndConnect, until, type RoomClient } from '../support/roomClients';

/**
 * `npm run bench` rooms figures: 30 simulated participants (Node clients, Hocuspocus's provider)
 * each add 20 notes at the same time on loopback, while a Node client plays the facilitator's
 * laptop (the laptop's board page joins later, with the facilitator-side integration). Measured:
 * time from a participant's edit to the facilitator's client, whether all 31 documents end
 * identical, and the server process's memory and CPU. Each figure beside the same workload on
 * bare Hocuspocus (no gate, caps or board policy), measured in the same run.
 *
 * Three processes, as in a workshop: the server; the facilitator's client in its own (as the
 * laptop's page is its own renderer process), this module run with `facilitator-page`; and the 30
 * participants together in the bench's process (in a room each phone is its own device). With the
 * facilitator's client in the participants' process, its copy of a note waited behind 30 others'
 * (900 applies per paced second in one thread): that queue was most of what was measured.
 * Latency is measured across processes on one machine's clock (performance.timeOrigin + now()).
 */

const PARTICIPANTS = 30;
const now = () => performance.timeOrigin + performance.now();
const NOTES_EACH = 20;
const PACE_MS = 1000;

export const ROOMS_DEFINITIONS = {
  latencyMs:
    'ms from a participant client’s transaction (one note added) until the facilitator client’s document has that note (observer on its nodes map); the server, the facilitator’s client and the 30 participants’ clients each in their own process on 127.0.0.1 (times on the machine’s clock: performance.timeOrigin + now()). p50/p95 (nearest rank) over all notes.',
  paced: `all 30 participants start together and each adds one note every ${PACE_MS} ms, 20 in all (600 notes; 30 notes a second room-wide, faster than any workshop writes).`,
  burst: 'all 30 participants each add 20 notes in one go (600 transactions queued in the same instant); convergedMs = until every document has all 600. Its latency is mostly queueing: the 30 participants share one Node process, which applies every note 30 times.',
  identical: 'all 31 client documents encode the same state vector and the same nodes JSON at the end.',
  server: 'the server process: rss/heapUsed (MiB) after the clients joined and after the workload (after gc), CPU ms (user+system) during the workload and its share of one core.',
  ratios: 'room / bare Hocuspocus.',
};

type Ready = { type: 'ready'; joinUrl?: string; facilitator?: { url: string; token: string; documentName: string }; url?: string; documentName?: string };

function request<T>(child: ChildProcess, type: string, answer: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== answer) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.send({ type });
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? null;
};
const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;


async function scenario(serverScript: string, mode: 'room' | 'bare', pace: 'paced' | 'burst') {
  const child = fork(serverScript, [mode], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Ready>((resolve) => child.once('message', (message) => resolve(message as Ready)));
  const clients: RoomClient[] = [];
  const pages: ChildProcess[] = [];
  try {
    const facilitator = fork(fileURLToPath(import.meta.url), ['facilitator-page'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    pages.push(facilitator);
    const connect: FacilitatorConnect =
      mode === 'room'
        ? { type: 'connect', origin: 'app://alignboard', url: ready.facilitator!.url, documentName: ready.facilitator!.documentName, token: ready.facilitator!.token }
        : { type: 'connect', origin: null, url: ready.url!, documentName: ready.documentName!, token: 'bench' };
    await new Promise((resolve) => {
      facilitator.once('message', resolve);
      facilitator.send(connect);
    });
    const participants: { client: RoomClient; identity: Pick<JoinResponse['identity'], 'authorId' | 'department'> }[] = [];
    await Promise.all(
      Array.from({ length: PARTICIPANTS }, async (_, index) => {
        if (mode === 'room') {
          const { client, joined } = await joinAndConnect(ready.joinUrl!, { as: 'guest', name: `Participant ${index + 1}`, department: index % 2 ? 'sales' : 'marketing' });
          clients.push(client);
          await client.synced;
          participants.push({ client, identity: joined.identity });
        } else {
          const client = connectClient({ origin: null, url: ready.url!, documentName: ready.documentName!, token: 'bench' });
          clients.push(client);
          await client.synced;
          participants.push({ client, identity: { authorId: `p${index}`, department: index % 2 ? 'sales' : 'marketing' } });
        }
      }),
    );
    const joined = await request<{ memory: NodeJS.MemoryUsage }>(child, 'mark', 'marked');

    const sentAt = new Map<string, number>();
    const total = PARTICIPANTS * NOTES_EACH;
    const facilitatorDone = new Promise<FacilitatorReport>((resolve) => {
      facilitator.once('message', (message) => resolve(message as FacilitatorReport));
      facilitator.send({ type: 'expect', total });
    });
    const started = now();
    const add = (participant: (typeof participants)[number], p: number, n: number) => {
      const id = `p${p}-n${n}`;
      sentAt.set(id, now());
      addNodes(participant.client.doc, [{ id, data: newSticky({ x: n * 10, y: p * 10, ...authorFields(participant.identity), text: `Note ${n + 1} of participant ${p + 1}` }) }], 'bench');
    };
    if (pace === 'burst') {
      participants.forEach((participant, p) => {
        for (let n = 0; n < NOTES_EACH; n++) add(participant, p, n);
      });
    } else {
      await Promise.all(
        participants.map(async (participant, p) => {
          for (let n = 0; n < NOTES_EACH; n++) {
            add(participant, p, n);
            await new Promise((resolve) => setTimeout(resolve, PACE_MS));
          }
        }),
      );
    }
    const count = (doc: Y.Doc) => [...nodesMap(doc).keys()].filter((key) => key.startsWith('p')).length;
    await until(() => clients.every((client) => count(client.doc) === total), 'every document to have every note', 120_000);
    const participantsDone = now();
    const report = await facilitatorDone;
    const convergedMs = Math.max(participantsDone, ...report.arrivals.map(([, at]) => at)) - started;
    const latencies = report.arrivals.flatMap(([key, at]) => (sentAt.has(key) ? [at - sentAt.get(key)!] : []));
    const stats = await request<{ cpuMs: number; wallMs: number; memory: NodeJS.MemoryUsage }>(child, 'stats', 'stats');
    const vectors = new Set([report.vector, ...clients.map((client) => Buffer.from(Y.encodeStateVector(client.doc)).toString('base64'))]);
    const contents = new Set([report.contents, ...clients.map((client) => contentsOf(client.doc))]);
    return {
      documents: clients.length + 1,
      notes: total,
      identical: vectors.size === 1 && contents.size === 1,
      refusedConnections: clients.reduce((sum, client) => sum + client.closes.length, report.closes),
      latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(percentile(latencies, 100)), samples: latencies.length },
      convergedMs: round(convergedMs),
      server: {
        rssMBJoined: mib(joined.memory.rss),
        heapUsedMBJoined: mib(joined.memory.heapUsed),
        rssMBAfter: mib(stats.memory.rss),
        heapUsedMBAfter: mib(stats.memory.heapUsed),
        cpuMs: round(stats.cpuMs),
        cpuShareOfOneCore: Math.round((stats.cpuMs / stats.wallMs) * 100) / 100,
      },
    };
  } finally {
    for (const client of clients) client.destroy();
    for (const page of pages) page.kill();
    child.send({ type: 'close' });
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(null);
      });
    });
  }
}

type FacilitatorConnect = { type: 'connect'; origin: string | null; url: string; documentName: string; token: string };
type FacilitatorReport = { type: 'complete'; arrivals: [string, number][]; vector: string; contents: string; closes: number };

const contentsOf = (doc: Y.Doc) => JSON.stringify(Object.entries(nodesMap(doc).toJSON()).sort(([a], [b]) => a.localeCompare(b)));

/** The facilitator's client in its own process: when each note arrives, and its document at the end. */
function facilitatorPage(): void {
  let client: RoomClient | null = null;
  const arrivals: [string, number][] = [];
  let expected = Infinity;
  const report = () => {
    if (!client || arrivals.length < expected) return;
    process.send!({ type: 'complete', arrivals, vector: Buffer.from(Y.encodeStateVector(client.doc)).toString('base64'), contents: contentsOf(client.doc), closes: client.closes.length } satisfies FacilitatorReport);
    expected = Infinity;
  };
  process.on('message', (message: FacilitatorConnect | { type: 'expect'; total: number }) => {
    if (message.type === 'connect') {
      const connected = connectClient(message);
      client = connected;
      nodesMap(connected.doc).observe((event) => {
        const at = now();
        for (const key of event.keysChanged) if (key.startsWith('p') && nodesMap(connected.doc).has(key)) arrivals.push([key, at]);
        report();
      });
      void connected.synced.then(() => process.send!({ type: 'synced' }));
    } else {
      expected = message.total;
      report();
    }
  });
}

if (process.argv[2] === 'facilitator-page' && process.send) facilitatorPage();

const ratio = (a: number | null, b: number | null) => (a === null || b === null || !b ? null : Math.round((a / b) * 100) / 100);

export async function roomsFigures(serverScript: string, log: (message: string) => void) {
  const result: Record<string, unknown> = {};
  for (const pace of ['paced', 'burst'] as const) {
    // Alternate which goes first, so neither always runs on a warmer machine.
    const bare = pace === 'paced' ? await scenario(serverScript, 'bare', pace) : null;
    const room = await scenario(serverScript, 'room', pace);
    const baseline = bare ?? (await scenario(serverScript, 'bare', pace));
    log(`rooms.${pace}: room p95 ${room.latencyMs.p95} ms, bare p95 ${baseline.latencyMs.p95} ms`);
    result[`rooms.${pace}`] = {
      participants: PARTICIPANTS,
      notesEach: NOTES_EACH,
      room,
      bareHocuspocus: baseline,
      ratios: {
        latencyP50: ratio(room.latencyMs.p50, baseline.latencyMs.p50),
        latencyP95: ratio(room.latencyMs.p95, baseline.latencyMs.p95),
        converged: ratio(room.convergedMs, baseline.convergedMs),
        serverCpu: ratio(room.server.cpuMs, baseline.server.cpuMs),
        serverHeapAfter: ratio(room.server.heapUsedMBAfter, baseline.server.heapUsedMBAfter),
      },
    };
  }
  return result;
}
