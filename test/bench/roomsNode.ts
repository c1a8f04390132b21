import { fork, type ChildProcess } from 'node:child_process';
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
 */

const PARTICIPANTS = 30;
const NOTES_EACH = 20;
const PACE_MS = 1000;

export const ROOMS_DEFINITIONS = {
  latencyMs:
    'ms from a participant client’s transaction (one note added) until the facilitator client’s document has that note (observer on its nodes map); all clients live in the bench process on 127.0.0.1, the server in its own process. p50/p95 (nearest rank) over all notes.',
  paced: `all 30 participants start together and each adds one note every ${PACE_MS} ms, 20 in all (600 notes; 30 notes a second room-wide, faster than any workshop writes).`,
  burst: 'all 30 participants each add 20 notes in one go (600 transactions queued in the same instant); convergedMs = until every document has all 600. Its latency is mostly queueing: the 31 clients share one Node process, which applies every note 31 times.',
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
  try {
    const facilitator =
      mode === 'room'
        ? connectClient({ origin: 'app://alignboard', url: ready.facilitator!.url, documentName: ready.facilitator!.documentName, token: ready.facilitator!.token })
        : connectClient({ origin: null, url: ready.url!, documentName: ready.documentName!, token: 'bench' });
    clients.push(facilitator);
    await facilitator.synced;
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
    const latencies: number[] = [];
    nodesMap(facilitator.doc).observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const start = sentAt.get(key);
        if (start !== undefined && nodesMap(facilitator.doc).has(key)) latencies.push(now - start);
      }
    });
    const total = PARTICIPANTS * NOTES_EACH;
    const started = performance.now();
    const add = (participant: (typeof participants)[number], p: number, n: number) => {
      const id = `p${p}-n${n}`;
      sentAt.set(id, performance.now());
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
    const convergedMs = performance.now() - started;
    const stats = await request<{ cpuMs: number; wallMs: number; memory: NodeJS.MemoryUsage }>(child, 'stats', 'stats');
    const vectors = new Set(clients.map((client) => Buffer.from(Y.encodeStateVector(client.doc)).toString('base64')));
    const contents = new Set(clients.map((client) => JSON.stringify(Object.entries(nodesMap(client.doc).toJSON()).sort(([a], [b]) => a.localeCompare(b)))));
    return {
      documents: clients.length,
      notes: total,
      identical: vectors.size === 1 && contents.size === 1,
      refusedConnections: clients.reduce((sum, client) => sum + client.closes.length, 0),
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
