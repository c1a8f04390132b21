// Types for journey.mjs (plain JS so `npm run test:electron` needs no TypeScript loader), used by its tests.
export function skipReason(options: {
  electronDir: string | null;
  env: Record<string, string | undefined>;
  platform: string;
  fs: { existsSync(path: string): boolean; readFileSync(path: string, encoding: 'utf8'): string };
}): string | null;
export function skipLine(reason: string): string;
