import type { FunnelDepartment } from '../funnel/stages';

/**
 * Colours of diagrams on paper (white background, whatever the app's theme). Departments are told
 * apart by more than colour: blue / orange / grey also differ in lightness, and the figures add a
 * letter mark or a label and, for outcomes and loops, a dash pattern.
 */
export const INK = '#000000';
export const MUTED = '#3f3f46';
export const RULE = '#71717a';
export const ACCENT = '#1d4ed8';
export const PAPER = '#ffffff';

export type DepartmentColours = { stroke: string; fill: string; text: string };

export const DEPARTMENT_COLOURS: Readonly<Record<FunnelDepartment, DepartmentColours>> = {
  marketing: { stroke: '#b54708', fill: '#ffe8cf', text: '#7a2e04' },
  sales: { stroke: '#0b5cad', fill: '#dcebff', text: '#083f77' },
  joint: { stroke: '#52525b', fill: '#ececef', text: '#27272a' },
};
