import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { addNodes, newSticky } from '../../shared/board/doc';
import { personaTemplate } from '../../shared/board/personaTemplate';
import { createRoomHost, type RoomHost, type RoomHostDeps } from '../../server/rooms/roomHost';
import { loadParticipantPage } from '../../server/rooms/participantPage';
import { randomBytes } from 'node:crypto';

/**
 * A renderer build folder as Vite writes it, small: the participant page with its script, style and
 * font; the laptop app's page and script (which a room must not serve); a secret beside the folder.
 */
export function fakeBuild(): { root: string; secret: string; cleanUp(): void } {
  const base = mkdtempSync(join(tmpdir(), 'alignboard-room-'));
  const root = join(base, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(root, '.vite'), { recursive: true });
  writeFileSync(join(root, 'participant.html'), '<!doctype html><html><head><script type="module" src="./assets/participant-1.js"></script><link rel="stylesheet" href="./assets/participant-1.css"></head><body><div id="root"></div></body></html>');
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>laptop app</title>');
  writeFileSync(join(root, 'assets/participant-1.js'), 'import "./shared-1.js"; console.log("participant");');
  writeFileSync(join(root, 'assets/shared-1.js'), 'export const shared = 1;');
  writeFileSync(join(root, 'assets/participant-1.css'), '@font-face{font-family:x;src:url(./font-1.woff2) format("woff2")}body{color:red}');
  writeFileSync(join(root, 'assets/font-1.woff2'), 'font bytes');
  writeFileSync(join(root, 'assets/app-1.js'), 'console.log("the laptop app")');
  writeFileSync(
    join(root, '.vite/manifest.json'),
    JSON.stringify({
      'participant.html': { file: 'assets/participant-1.js', src: 'participant.html', isEntry: true, imports: ['_shared-1.js'], css: ['assets/participant-1.css'] },
      '_shared-1.js': { file: 'assets/shared-1.js' },
      'index.html': { file: 'assets/app-1.js', src: 'index.html', isEntry: true, imports: ['_shared-1.js'] },
    }),
  );
  const secret = join(base, 'secret.txt');
  writeFileSync(secret, 'workspace secrets');
  return { root, secret, cleanUp: () => rmSync(base, { recursive: true, force: true }) };
}

/** A persona board (card + five zones) with one note of the laptop's writer. */
export function boardState(): { state: Uint8Array; personaId: string; laptopNoteId: string } {
  const doc = new Y.Doc();
  let n = 0;
  const template = personaTemplate(() => `node-${++n}`, { name: 'Tanaka Yui' });
  addNodes(doc, template, 'laptop');
  addNodes(doc, [{ id: 'laptop-note', data: newSticky({ x: -880, y: -500, department: 'sales', authorId: 'm-noah', text: 'Budget is decided in Q4' }) }], 'laptop');
  const personaId = template.find((node) => node.data.type === 'persona')!.id;
  return { state: Y.encodeStateAsUpdate(doc), personaId, laptopNoteId: 'laptop-note' };
}

export const MEMBERS = [
  { id: 'm-emma', name: 'Emma Clark', department: 'marketing' as const },
  { id: 'm-noah', name: 'Noah Bennett', department: 'sales' as const },
  { id: 'm-sophia', name: 'Sophia Reed', department: 'other' as const },
];

export const APP_ORIGIN = 'app://alignboard';

export type TestHost = { host: RoomHost; logs: string[]; clock: { now: number }; cleanUp(): Promise<void> };

export function testHost(overrides: Partial<RoomHostDeps> = {}, clock = { now: Date.now() }): TestHost {
  const build = fakeBuild();
  const logs: string[] = [];
  const host = createRoomHost({
    now: () => clock.now,
    logger: { info: (message) => logs.push(`info ${message}`), warn: (message) => logs.push(`warn ${message}`) },
    networkInterfaces: () => ({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: '127.0.0.1/8' }] }),
    participantPage: loadParticipantPage(build.root),
    randomBytes: (size) => randomBytes(size),
    facilitatorOrigins: () => [APP_ORIGIN],
    port: 0,
    ...overrides,
  });
  return {
    host,
    logs,
    clock,
    async cleanUp() {
      await host.close();
      build.cleanUp();
    },
  };
}
