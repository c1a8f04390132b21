import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERSONA_ZONES, type StickyNodeData, type ZoneNodeData } from '../../shared/board/nodes';
import { newSticky } from '../../shared/board/doc';
import { PERSONA_CARD_MAX_HEIGHT, personaTemplate, topNotesByZone, zoneOf } from '../../shared/board/personaTemplate';

let n = 0;
const id = () => `id${++n}`;

function sticky(x: number, y: number, text: string, votes = 0): StickyNodeData {
  return { ...newSticky({ x, y, text, department: 'joint', authorId: null }), votes };
}

describe('persona template', () => {
  const nodes = personaTemplate(id, { name: 'Daniel' });
  const zones = nodes.map((node) => node.data).filter((data): data is ZoneNodeData => data.type === 'zone');

  it('lays out one card and one labelled zone per persona zone, none overlapping', () => {
    expect(nodes.filter((node) => node.data.type === 'persona')).toHaveLength(1);
    expect(zones.map((zone) => zone.zone).sort()).toEqual([...PERSONA_ZONES].sort());
    for (const a of zones) {
      for (const b of zones) {
        if (a === b) continue;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${a.zone} overlaps ${b.zone}`).toBe(false);
      }
    }
    expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
  });

  it('no zone overlaps the persona card in any theme: every width the stylesheets give the card, at its tallest', () => {
    // The card's widths per theme come from the stylesheets that size it (the canvas, the
    // projector theme, the audience preview); its height is capped by the template.
    const css = ['../../renderer/src/features/personas/personas.css', '../../renderer/src/features/audience/audience.css']
      .map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'))
      .join('\n');
    const rules = [...css.matchAll(/([^{}]*\.persona-card)\s*\{([^}]*)\}/g)];
    const widths = rules.flatMap(([, , body]) => [...body!.matchAll(/(?:^|[\s;])width:\s*(\d+)px/g)].map((match) => Number(match[1])));
    const minHeights = rules.flatMap(([, , body]) => [...body!.matchAll(/min-height:\s*(\d+)px/g)].map((match) => Number(match[1])));
    // Found the canvas's and the projector's (a rule this test cannot read would make it pass unseen).
    expect(widths).toEqual(expect.arrayContaining([380, 460]));
    for (const minHeight of minHeights) expect(minHeight).toBeLessThanOrEqual(PERSONA_CARD_MAX_HEIGHT);
    const card = nodes.map((node) => node.data).find((data) => data.type === 'persona')!;
    for (const width of widths) {
      const rect = { x: card.x, y: card.y, width, height: PERSONA_CARD_MAX_HEIGHT };
      for (const zone of zones) {
        const overlap = rect.x < zone.x + zone.width && zone.x < rect.x + rect.width && rect.y < zone.y + zone.height && zone.y < rect.y + rect.height;
        expect(overlap, `a ${width} px card overlaps ${zone.zone}`).toBe(false);
      }
    }
  });

  it('finds the zone a sticky sits in by its centre', () => {
    const goals = zones.find((zone) => zone.zone === 'goals')!;
    expect(zoneOf(sticky(goals.x + 10, goals.y + 10, 'a'), zones)).toBe('goals');
    // Centre outside although the corner is inside.
    expect(zoneOf(sticky(goals.x + goals.width - 20, goals.y + 10, 'a'), zones)).not.toBe('goals');
    expect(zoneOf(sticky(5000, 5000, 'far'), zones)).toBeNull();
  });

  it('picks the top-voted notes of each zone, at most the limit', () => {
    const goals = zones.find((zone) => zone.zone === 'goals')!;
    const triggers = zones.find((zone) => zone.zone === 'triggers')!;
    const inGoals = (i: number, text: string, votes: number) => sticky(goals.x + 20 + i * 10, goals.y + 20, text, votes);
    const result = topNotesByZone(
      [
        ...nodes.map((node) => node.data),
        inGoals(0, 'low', 1),
        inGoals(1, 'top', 5),
        inGoals(2, 'mid', 3),
        inGoals(3, 'second', 4),
        inGoals(4, '   ', 9),
        sticky(triggers.x + 10, triggers.y + 10, 'budget in Q4', 0),
        sticky(9000, 9000, 'outside every zone', 7),
      ],
      3,
    );
    expect(result.goals.map((note) => note.text)).toEqual(['top', 'second', 'mid']);
    expect(result.triggers.map((note) => note.text)).toEqual(['budget in Q4']);
    expect(result.objections).toEqual([]);
  });
});
