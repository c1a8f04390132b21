import type { ShortcutId } from '../../ui/shortcuts/table';

/**
 * The places of a workspace, in the order of its navigation, with the shortcut to each (its keys
 * and label are in the one shortcut table, scope 'workspace').
 */
export const WORKSPACE_PLACES = [
  { place: 'overview', path: '', shortcut: 'workspace.overview' },
  { place: 'personas', path: '/personas', shortcut: 'workspace.personas' },
  { place: 'funnel', path: '/funnel', shortcut: 'workspace.funnel' },
  { place: 'sla', path: '/sla', shortcut: 'workspace.sla' },
  { place: 'meetings', path: '/meetings', shortcut: 'workspace.meetings' },
  { place: 'kpis', path: '/kpis', shortcut: 'workspace.kpis' },
  { place: 'calendar', path: '/calendar', shortcut: 'workspace.calendar' },
  { place: 'members', path: '/members', shortcut: 'workspace.members' },
] as const satisfies readonly { place: string; path: string; shortcut: ShortcutId }[];

export type WorkspacePlace = (typeof WORKSPACE_PLACES)[number]['place'];

/** The workspace a route belongs to, and the place in it (null outside a workspace). */
export function placeOf(location: string): { workspaceId: string; place: WorkspacePlace; rest: string } | null {
  const match = /^\/w\/([^/]+)(\/.*)?$/.exec(location);
  if (!match) return null;
  const rest = match[2] ?? '';
  const section = /^\/([^/]+)/.exec(rest)?.[1];
  // Persona boards live at /b/:id; funnels at /funnel/:id; the SLA's Verify page under /sla.
  const place: WorkspacePlace =
    section === undefined
      ? 'overview'
      : section === 'b'
        ? 'personas'
        : (WORKSPACE_PLACES.find((candidate) => candidate.path === `/${section}`)?.place ?? 'overview');
  return { workspaceId: decodeURIComponent(match[1]!), place, rest };
}
