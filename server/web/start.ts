import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { loadParticipantPage } from '../rooms/participantPage';
import { createRoomHost, type RoomLogger } from '../rooms/roomHost';
import { startWebServer, type WebServer } from './webServer';

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
  const rooms = createRoomHost({
    now: () => Date.now(),
    logger,
    networkInterfaces,
    participantPage: loadParticipantPage(options.root),
    randomBytes: (size) => randomBytes(size),
    facilitatorOrigins: () => [appOrigin],
    port: options.roomPort,
  });
  const web = await startWebServer({ root: options.root, port: options.port, rooms, logger });
  appOrigin = new URL(web.url).origin;
  return { ...web, rooms };
}
