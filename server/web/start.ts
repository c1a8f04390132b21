import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { ROOM_PORT } from '../../shared/rooms/protocol';
import { loadParticipantPage } from '../rooms/participantPage';
import { createRoomHost, type RoomLogger } from '../rooms/roomHost';
import { startWebServer, type WebServer } from './webServer';

/**
 * 0 asks for a free port: it is picked now rather than when a room opens, because the app's page
 * names the rooms' port in its Content-Security-Policy when it loads.
 */
function concretePort(port: number): Promise<number> {
  if (port !== 0) return Promise.resolve(port);
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The browser version in one Node process: the web build on 127.0.0.1 and the room host, whose
 * facilitator is the web app's own origin. `npm run web` and the e2e tests' globalSetup both start
 * it, so they run the room server the desktop app runs.
 */
export async function startWebApp(options: {
  root: string;
  port?: number;
  /** The rooms' port (ROOM_PORT by default; 0 picks a free one). */
  roomPort?: number;
  logger?: RoomLogger;
}): Promise<WebServer & { rooms: ReturnType<typeof createRoomHost> }> {
  const logger = options.logger ?? { info: (message: string) => console.log(message), warn: (message: string) => console.warn(message) };
  let appOrigin = '';
  const roomPort = await concretePort(options.roomPort ?? ROOM_PORT);
  const rooms = createRoomHost({
    now: () => Date.now(),
    logger,
    networkInterfaces,
    participantPage: loadParticipantPage(options.root),
    randomBytes: (size) => randomBytes(size),
    facilitatorOrigins: () => [appOrigin],
    port: roomPort,
  });
  const web = await startWebServer({ root: options.root, port: options.port, rooms, roomPort, logger });
  appOrigin = new URL(web.url).origin;
  return { ...web, rooms };
}
