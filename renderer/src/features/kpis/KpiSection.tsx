/** Workspace page section: KPI summary and link to the dashboard (to be built). */
export function KpiSection(_props: { workspaceId: string }) {
  return null;
}
