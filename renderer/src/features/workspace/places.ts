/**
 * The places of a workspace, in the order of its navigation, with the shortcut to each. One small
 * table so that an app-wide shortcut registry can take it over as it is: the navigation, its key
 * handler and the "?" dialog all read it.
 */
export const WORKSPACE_PLACES = [
  { place: 'overview', path: '', code: 'Digit1', keys: 'Alt+Shift+1' },
  { place: 'personas', path: '/personas', code: 'Digit2', keys: 'Alt+Shift+2' },
  { place: 'funnel', path: '/funnel', code: 'Digit3', keys: 'Alt+Shift+3' },
  { place: 'sla', path: '/sla', code: 'Digit4', keys: 'Alt+Shift+4' },
  { place: 'meetings', path: '/meetings', code: 'Digit5', keys: 'Alt+Shift+5' },
  { place: 'kpis', path: '/kpis', code: 'Digit6', keys: 'Alt+Shift+6' },
  { place: 'calendar', path: '/calendar', code: 'Digit7', keys: 'Alt+Shift+7' },
  { place: 'members', path: '/members', code: 'Digit8', keys: 'Alt+Shift+8' },
] as const;

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
