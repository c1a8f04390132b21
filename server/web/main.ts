import { resolve } from 'node:path';
import { startWebApp } from './start';

/** `npm run web`: serves dist/web on http://127.0.0.1:5173/ and hosts rooms (see start.ts). */
const root = resolve(process.env.ALIGNBOARD_WEB_OUT ?? 'dist/web');
const port = Number(process.env.PORT ?? 5173);
const roomPort = process.env.ALIGNBOARD_ROOM_PORT ? Number(process.env.ALIGNBOARD_ROOM_PORT) : undefined;

const app = await startWebApp({ root, port, roomPort }).catch((error: unknown) => {
  console.error(`Alignboard could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
console.log(`Alignboard (browser version) on ${app.url}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void app.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
