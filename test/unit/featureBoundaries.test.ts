import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Feature boundaries (issue 11, item 7). Each folder under renderer/src/features is a feature; its
 * components are its own. Another feature may use a component only when the owner offers it for
 * composition (the list below, each with why), and logic (a `.ts` module) never depends on
 * another feature's component: what both need moves to `shared/` (pure) or `ui/` (React).
 * Import cycles are refused by oxlint's `import/no-cycle` (.oxlintrc.json).
 */
const OFFERED: Record<string, { files: string[]; why: string }> = {
  board: {
    files: ['BoardCanvas', 'BoardFrame', 'CanvasShell', 'Toolbar', 'ToolButton', 'nodes/ZoneNode', 'icons', 'DetailLevel'],
    why: 'the canvas kit the persona and funnel boards (and the projector, read-only) are built on, with its icon set and its level of detail',
  },
  print: { files: ['PrintLayout'], why: 'the page every print route lays itself out in' },
  diagrams: { files: ['exports', 'SlaFigures'], why: 'board/funnel exports and the SLA figures, drawn once for every place that offers them' },
  kpis: {
    files: ['KpiDashboard', 'MeetingFigures', 'SlaAttainmentPanel', 'ResponseBreaches', 'KpiSection'],
    why: "the meeting's KPI and lead-quality items show the KPI views themselves; the overview shows the section",
  },
  rooms: {
    files: ['BoardRoom', 'RoomsContext', 'QrCode'],
    why: "a persona board opens its room; the projector shows the open room's join screen (its state and QR code)",
  },
  audience: {
    files: ['AudienceControls', 'MeetingAudience'],
    why: 'Show on projector and its panel on the board pages, and in run mode',
  },
  workspace: { files: ['WorkspaceActions'], why: 'create/import/export a workspace from the home page, backups and the overview' },
  funnel: { files: ['FunnelSection'], why: "the workspace overview's section" },
  personas: {
    files: ['PersonaGallery', 'boardMeta', 'PersonaCardNode'],
    why: "the workspace overview's section; the persona board's node kinds, which the projector draws read-only",
  },
  sla: { files: ['SlaSummary'], why: "the workspace overview's section" },
  meetings: { files: ['MeetingsSection'], why: "the workspace overview's section" },
  calendar: { files: ['CalendarSection'], why: "the workspace overview's section" },
};

type Import = { from: string; to: string };
const FEATURES = 'renderer/src/features';

/** Every relative import (static, dynamic, re-export) of every renderer module, resolved to a file. */
function rendererImports(root: string): Import[] {
  const imports: Import[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
          const target = resolveModule(join(dirname(path), match[1]!));
          if (target) imports.push({ from: relative(root, path), to: relative(root, target) });
        }
      }
    }
  };
  walk(join(root, 'renderer/src'));
  return imports;
}

function resolveModule(base: string): string | null {
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    try {
      if (statSync(candidate).isFile()) return normalize(candidate);
    } catch {
      // not this one
    }
  }
  return null;
}

const featureOf = (path: string) => (path.startsWith(`${FEATURES}/`) ? path.slice(FEATURES.length + 1).split('/')[0]! : null);
const moduleName = (path: string) => (featureOf(path) ? path.slice(FEATURES.length + 1).split('/').slice(1).join('/').replace(/\.tsx?$/, '') : path);

/** The imports that cross a feature boundary the way this file forbids. */
export function boundaryViolations(imports: Import[], offered = OFFERED): string[] {
  const violations: string[] = [];
  for (const { from, to } of imports) {
    const owner = featureOf(to);
    const user = featureOf(from);
    if (!owner || !user || owner === user || !to.endsWith('.tsx')) continue;
    if (!from.endsWith('.tsx')) violations.push(`${from} (logic) imports the component ${to}: move what it needs to shared/ or ui/`);
    else if (!offered[owner]?.files.includes(moduleName(to))) violations.push(`${from} imports ${to}, a component ${owner}/ does not offer`);
  }
  return violations;
}

describe('feature boundaries', () => {
  it('no feature uses another feature’s components except those offered for composition, and no logic imports a component', () => {
    expect(boundaryViolations(rendererImports(resolve(import.meta.dirname, '../..')))).toEqual([]);
  });

  it('the check finds both kinds of crossing', () => {
    const violations = boundaryViolations([
      { from: `${FEATURES}/kpis/kpiStore.ts`, to: `${FEATURES}/sla/SlaContent.tsx` },
      { from: `${FEATURES}/meetings/Slot.tsx`, to: `${FEATURES}/kpis/ValuesGrid.tsx` },
      { from: `${FEATURES}/meetings/Slot.tsx`, to: `${FEATURES}/kpis/KpiDashboard.tsx` },
      { from: `${FEATURES}/meetings/Slot.tsx`, to: `${FEATURES}/kpis/kpiStore.ts` },
      { from: 'renderer/src/app/App.tsx', to: `${FEATURES}/kpis/KpiPage.tsx` },
    ]);
    expect(violations).toEqual([
      `${FEATURES}/kpis/kpiStore.ts (logic) imports the component ${FEATURES}/sla/SlaContent.tsx: move what it needs to shared/ or ui/`,
      `${FEATURES}/meetings/Slot.tsx imports ${FEATURES}/kpis/ValuesGrid.tsx, a component kpis/ does not offer`,
    ]);
  });

  it('every offered component exists (the list cannot go stale)', () => {
    const root = resolve(import.meta.dirname, '../..');
    const missing = Object.entries(OFFERED).flatMap(([feature, { files }]) =>
      files.filter((file) => !resolveModule(join(root, FEATURES, feature, file))).map((file) => `${feature}/${file}`),
    );
    expect(missing).toEqual([]);
  });
});
