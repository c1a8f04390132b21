import type { NetworkInterfaceInfo } from 'node:os';
import { lazyParticipantPage } from '../../server/rooms/participantPage';
import { createRoomHost, type RoomHost, type RoomLogger } from '../../server/rooms/roomHost';
import { ROOM_PORT, type RoomStatus } from '../../shared/rooms/protocol';
import { APP_ORIGIN } from './appProtocol';

/**
 * The room server as Electron main runs it: the same module as `npm run web`, with main's edges
 * injected. The participant page comes from the renderer build main serves (dist/renderer), the
 * laptop's own client connects from app://alignboard, and every status change goes to the window.
 */
export type MainRoomsDeps = {
  rendererDir: string;
  now: () => number;
  logger: RoomLogger;
  networkInterfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
  randomBytes: (size: number) => Uint8Array;
  /** Sends `room:changed` to the app window (sendEvent in ipc.ts). */
  send: (status: RoomStatus) => void;
  /** ROOM_PORT in the app; tests pass 0. */
  port?: number;
};

export type MainRooms = {
  host: RoomHost;
  /** For the session's request filter: the room socket on loopback is allowed only while open. */
  roomOpen(): boolean;
  /** On quit: the room closes (participants are told) before the app goes. */
  dispose(): Promise<void>;
};

export function createMainRooms(deps: MainRoomsDeps): MainRooms {
  const host = createRoomHost({
    now: deps.now,
    logger: deps.logger,
    networkInterfaces: deps.networkInterfaces,
    participantPage: lazyParticipantPage(deps.rendererDir),
    randomBytes: deps.randomBytes,
    facilitatorOrigins: () => [APP_ORIGIN],
    port: deps.port ?? ROOM_PORT,
  });
  const stop = host.onChange((status) => deps.send(status));
  return {
    host,
    roomOpen: () => host.status().open,
    async dispose() {
      await host.close();
      stop();
    },
  };
}
