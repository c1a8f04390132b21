import { PERSONA_TEXT_FIELDS, PERSONA_ZONES, type BoardNodeData, type PersonaNodeData, type PersonaZone, type StickyNodeData, type ZoneNodeData } from './nodes';

/** Size of the persona card on the canvas (the card node renders at this width). */
export const PERSONA_CARD = { width: 380, height: 600 } as const;

/**
 * The persona template: the card in the middle, five labelled zones around it where raw input
 * (stickies) is collected, each zone feeding the persona field of the same name.
 *
 *   goals        [card]      challenges
 *   triggers    channels     objections
 */
const ZONE_LAYOUT: Record<PersonaZone, { x: number; y: number; width: number; height: number }> = {
  goals: { x: -900, y: -540, width: 580, height: 520 },
  challenges: { x: 320, y: -540, width: 580, height: 520 },
  triggers: { x: -900, y: 40, width: 580, height: 520 },
  channels: { x: -290, y: 240, width: 580, height: 400 },
  objections: { x: 320, y: 40, width: 580, height: 520 },
};

/** Where the template puts the card's top edge. */
const CARD_TOP = -540;
/** Space kept between the card and the zone below it. */
const CARD_GAP = 40;

/**
 * The tallest the card may draw in the template (canvas px): down to the Channels zone below it,
 * less a gap. The card's content grows with its text and with the theme's type size (the projector
 * draws it at 22 px), so the card view caps its height here and clips its fields: with any text, in
 * any theme, no zone of the template overlaps the card.
 */
export const PERSONA_CARD_MAX_HEIGHT = ZONE_LAYOUT.channels.y - CARD_TOP - CARD_GAP;

export function emptyPersona(overrides: Partial<PersonaNodeData> = {}): PersonaNodeData {
  const fields = Object.fromEntries(PERSONA_TEXT_FIELDS.map((field) => [field, ''])) as Record<(typeof PERSONA_TEXT_FIELDS)[number], string>;
  return {
    type: 'persona',
    x: -PERSONA_CARD.width / 2,
    y: CARD_TOP,
    ...fields,
    buyingRole: null,
    photoId: null,
    ...overrides,
  };
}

export function personaTemplate(newId: () => string, persona: Partial<PersonaNodeData> = {}): { id: string; data: BoardNodeData }[] {
  const zones = PERSONA_ZONES.map((zone) => ({ id: newId(), data: { type: 'zone', zone, ...ZONE_LAYOUT[zone] } satisfies ZoneNodeData }));
  return [...zones, { id: newId(), data: emptyPersona(persona) }];
}

/** The zone whose rectangle contains the sticky's centre, if any. */
export function zoneOf(
  sticky: Pick<StickyNodeData, 'x' | 'y'>,
  zones: Iterable<ZoneNodeData>,
  stickySize = { width: 200, height: 160 },
): PersonaZone | null {
  const cx = sticky.x + stickySize.width / 2;
  const cy = sticky.y + stickySize.height / 2;
  for (const zone of zones) {
    if (cx >= zone.x && cx <= zone.x + zone.width && cy >= zone.y && cy <= zone.y + zone.height) return zone.zone;
  }
  return null;
}

/** For each zone, its notes with the most votes first (ties keep reading order), at most `limit`. */
export function topNotesByZone(nodes: Iterable<BoardNodeData>, limit = 3): Record<PersonaZone, StickyNodeData[]> {
  const all = [...nodes];
  const zones = all.filter((node): node is ZoneNodeData => node.type === 'zone');
  const result = Object.fromEntries(PERSONA_ZONES.map((zone) => [zone, [] as StickyNodeData[]])) as Record<PersonaZone, StickyNodeData[]>;
  const stickies = all
    .filter((node): node is StickyNodeData => node.type === 'sticky' && node.text.trim() !== '')
    .sort((a, b) => b.votes - a.votes || a.y - b.y || a.x - b.x);
  for (const sticky of stickies) {
    const zone = zoneOf(sticky, zones);
    if (zone && result[zone].length < limit) result[zone].push(sticky);
  }
  return result;
}
