import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { db } from '../../db/db';
import { ariaKeys, keyHint } from '../../ui/shortcuts/labels';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';
import { isLive, useWorkspace } from '../../ui/WorkspaceGate';
import { placeOf, WORKSPACE_PLACES, type WorkspacePlace } from './places';
import './workspace.css';

/** 24-px line icons of the places (inline SVG, any theme); the label stays the link's name. */
const ICONS: Record<WorkspacePlace, string> = {
  overview: 'M4 4h7v7H4zM13 4h7v4h-7zM13 10h7v10h-7zM4 13h7v7H4z',
  personas: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  funnel: 'M3 4h18l-7 8v6l-4 2v-8z',
  sla: 'M6 3h9l4 4v14H6zM14 3v5h5M9 13h6M9 17h4',
  meetings: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  kpis: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8 14h2M13 14h2M8 17h2',
  members: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2 20a7 7 0 0 1 14 0M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14a6 6 0 0 1 4 6',
};

/** Where a place's link goes; the funnel goes straight to the board when there is one funnel. */
function hrefOf(workspaceId: string, place: (typeof WORKSPACE_PLACES)[number], onlyFunnel: string | null) {
  if (place.place === 'funnel' && onlyFunnel) return `/w/${workspaceId}/funnel/${onlyFunnel}`;
  return `/w/${workspaceId}${place.path}`;
}

/**
 * The navigation inside a workspace, beside every page of it: each place with its shortcut, the
 * current one marked. Labels collapse to icons on narrow windows and in the projector theme.
 */
export function WorkspaceNav(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const workspace = useWorkspace(props.workspaceId);
  const funnels = useLiveQuery(
    async () => (await db.boards.where('workspaceId').equals(props.workspaceId).filter((board) => board.kind === 'funnel').toArray()).map((board) => board.id),
    [props.workspaceId],
  );
  const onlyFunnel = funnels?.length === 1 ? funnels[0]! : null;
  const current = placeOf(location)?.place;

  useShortcuts(
    'workspace',
    Object.fromEntries(WORKSPACE_PLACES.map((place) => [place.shortcut, () => navigate(hrefOf(props.workspaceId, place, onlyFunnel))])),
  );

  if (!isLive(workspace)) return null;
  return (
    <nav className="workspace-nav" aria-label={t('workspaceUx.nav.label', { name: workspace.name })}>
      <ul>
        {WORKSPACE_PLACES.map((place) => {
          const label = t(`workspaceUx.nav.places.${place.place}`);
          return (
            <li key={place.place}>
              <Link
                href={hrefOf(props.workspaceId, place, onlyFunnel)}
                aria-current={place.place === current ? 'page' : undefined}
                aria-keyshortcuts={ariaKeys(place.shortcut)}
                title={`${label} (${keyHint(place.shortcut)})`}
              >
                <svg className="workspace-nav-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                  <path d={ICONS[place.place]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
                <span className="workspace-nav-label">{label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
