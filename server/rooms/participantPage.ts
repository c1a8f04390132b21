import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

/**
 * The files a room serves: the participant page's HTML and exactly the scripts, styles and fonts
 * it loads, as the renderer build's Vite manifest lists them. The build folder also holds the whole
 * laptop app; none of that is reachable through a room. sirv serves the allowed files (and refuses
 * anything outside its folder on its own as well).
 */
export type ParticipantPage = {
  /** participant.html as built. */
  html: string;
  /** URL paths (`/assets/…`) the page may load. */
  files: ReadonlySet<string>;
  serve(request: IncomingMessage, response: ServerResponse, headers: Record<string, string>): void;
};

type ManifestChunk = { file: string; src?: string; isEntry?: boolean; imports?: string[]; css?: string[]; assets?: string[] };

export const PARTICIPANT_ENTRY = 'participant.html';

/** The page from a renderer build folder (dist/web or dist/renderer) with its `.vite/manifest.json`. */
export function loadParticipantPage(root: string): ParticipantPage {
  const manifest = JSON.parse(readFileSync(join(root, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = manifest[PARTICIPANT_ENTRY];
  if (!entry) throw new Error(`${root} has no ${PARTICIPANT_ENTRY} in its build manifest`);
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(`/${chunk.file}`)) return;
    files.add(`/${chunk.file}`);
    for (const css of chunk.css ?? []) addCss(css);
    for (const asset of chunk.assets ?? []) files.add(`/${asset}`);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  // Fonts are referenced from the CSS (url(...)), which the manifest does not list per chunk.
  const addCss = (file: string) => {
    if (files.has(`/${file}`)) return;
    files.add(`/${file}`);
    const css = readFileSync(join(root, file), 'utf8');
    for (const match of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      const ref = match[1]!;
      if (/^(data:|[a-z]+:)/i.test(ref)) continue;
      const path = new URL(ref, `http://x/${file}`).pathname;
      files.add(path);
    }
  };
  visit(PARTICIPANT_ENTRY);
  // The HTML itself is served only on the join path, after the join token was checked.
  const html = readFileSync(join(root, PARTICIPANT_ENTRY), 'utf8');
  const handler = sirv(root, { dev: false, etag: true, dotfiles: false, extensions: [], gzip: false, brotli: false });
  return {
    html,
    files,
    serve(request, response, headers) {
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      // Built asset names carry a content hash: they never change under the same name.
      response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      handler(request, response, () => {
        response.statusCode = 404;
        response.end();
      });
    },
  };
}

/**
 * The same, read on first use: Electron main starts before anyone opens a room, and a build
 * without the page must not keep the app from starting (opening a room then says what is wrong).
 */
export function lazyParticipantPage(root: string): ParticipantPage {
  let page: ParticipantPage | null = null;
  const get = () => (page ??= loadParticipantPage(root));
  return {
    get html() {
      return get().html;
    },
    get files() {
      return get().files;
    },
    serve: (request, response, headers) => get().serve(request, response, headers),
  };
}
