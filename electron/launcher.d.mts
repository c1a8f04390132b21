// Types for launcher.mjs (plain JS so `npm start` needs no TypeScript loader), used by its tests.
export type LauncherFs = {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
};
export type SpawnSyncResult = { status: number | null; stderr?: string | null; error?: Error };
export type ChildLike = {
  on(event: 'close', listener: (code: number | null, signal: string | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  kill(signal?: string): unknown;
};
export type LaunchDeps = {
  projectDir: string;
  nodePath: string;
  env: Record<string, string | undefined>;
  platform: string;
  fs: LauncherFs;
  resolvePackageDir(name: string): string | null;
  spawnSync(command: string, args: string[], options: object): SpawnSyncResult;
  spawn(command: string, args: string[], options: object): ChildLike;
  onSignal(signal: 'SIGINT' | 'SIGTERM', listener: () => void): void;
  log(message: string): void;
  error(message: string): void;
};
export function platformExecutable(platform: string): string;
export function findElectronBinary(options: {
  electronDir: string;
  env: Record<string, string | undefined>;
  platform: string;
  fs: LauncherFs;
}): string | null;
export function installerReason(stderr: string | null | undefined): string | null;
export function missingElectronMessage(reason: string | null): string;
export function launch(deps: LaunchDeps): Promise<number>;
