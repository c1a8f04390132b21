/** `#/w/:id/kpis`: the KPI dashboard, definitions, values, CSV import, SLA attainment (to be built). */
export function KpiPage(_props: { workspaceId: string }) {
  return null;
}
