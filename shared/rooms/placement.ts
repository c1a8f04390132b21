import { STICKY_SIZE, type BoardNodeData, type PersonaZone, type StickyNodeData, type ZoneNodeData } from '../board/nodes';
import { zoneOf } from '../board/personaTemplate';

/**
 * Where a participant's note lands when they add it "into a zone" from a phone, which has no
 * canvas: the first free cell of a grid inside the zone (reading order), so notes written from
 * phones line up on the projected board instead of piling on one spot. A full zone gets the note
 * on its last cell, shifted a little per extra note so each stays visible.
 */
const GAP = 16;
const TITLE = 56;

export function spotInZone(zone: Pick<ZoneNodeData, 'x' | 'y' | 'width' | 'height'>, notes: readonly Pick<StickyNodeData, 'x' | 'y'>[]): { x: number; y: number } {
  const columns = Math.max(1, Math.floor((zone.width - GAP) / (STICKY_SIZE.width + GAP)));
  const rows = Math.max(1, Math.floor((zone.height - TITLE) / (STICKY_SIZE.height + GAP)));
  const overlaps = (x: number, y: number) =>
    notes.some((note) => Math.abs(note.x - x) < STICKY_SIZE.width && Math.abs(note.y - y) < STICKY_SIZE.height);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const x = zone.x + GAP + column * (STICKY_SIZE.width + GAP);
      const y = zone.y + TITLE + row * (STICKY_SIZE.height + GAP);
      if (!overlaps(x, y)) return { x, y };
    }
  }
  const extra = notes.length % 8;
  return { x: zone.x + GAP + extra * 12, y: zone.y + TITLE + (rows - 1) * (STICKY_SIZE.height + GAP) + extra * 12 };
}

export type ZoneGroup = { zone: PersonaZone | null; notes: { id: string; note: StickyNodeData }[] };

/** The board's notes grouped by the zone their centre is in (reading order inside each), zones in template order. */
export function notesByZone(nodes: ReadonlyMap<string, BoardNodeData>, zoneOrder: readonly PersonaZone[]): ZoneGroup[] {
  const zones = [...nodes.values()].filter((node): node is ZoneNodeData => node.type === 'zone');
  zones.sort((a, b) => a.width * a.height - b.width * b.height);
  const groups = new Map<PersonaZone | null, { id: string; note: StickyNodeData }[]>(zoneOrder.map((zone) => [zone, []]));
  for (const [id, node] of nodes) {
    if (node.type !== 'sticky') continue;
    const zone = zoneOf(node, zones, STICKY_SIZE);
    const list = groups.get(zone) ?? [];
    list.push({ id, note: node });
    groups.set(zone, list);
  }
  const result: ZoneGroup[] = [];
  for (const [zone, notes] of groups) {
    notes.sort((a, b) => a.note.y - b.note.y || a.note.x - b.note.x || a.id.localeCompare(b.id));
    if (zone !== null || notes.length > 0) result.push({ zone, notes });
  }
  result.sort((a, b) => (a.zone === null ? 1 : 0) - (b.zone === null ? 1 : 0));
  return result;
}
