import type { Member } from '@shared/records/member';
import type { Workspace } from '@shared/records/workspace';
import type { Language } from '@shared/settings';
import { db, type SlaVersionRow } from '../../db/db';
import { readAhead } from '../../ui/readAhead';
import { loadedMessages } from '../../i18n';
import { textOf } from '../../theme/fonts';
import { preloadFontsForText } from '../print/printFonts';

/** What the SLA's print view shows: the workspace, the version and the workspace's members (null: not found). */
export type SlaPrintData = { workspace: Workspace | null; version: SlaVersionRow | null; members: Member[] };

/** The SLA print view's records (SlaPrint reads them through a live query). */
export async function readSlaPrintData(workspaceId: string, versionId: string): Promise<SlaPrintData> {
  const [workspace, version, members] = await Promise.all([
    db.workspaces.get(workspaceId),
    db.slaVersions.get([workspaceId, versionId]),
    db.members.where('workspaceId').equals(workspaceId).toArray(),
  ]);
  return { workspace: workspace ?? null, version: version ?? null, members };
}

// Kept while the window lives: a print window prints the one document it opened on.
const ahead = readAhead(readSlaPrintData, Infinity);

/**
 * Reads the records before the view renders, so that its first render has them (issue 12):
 * without it the view renders empty, its live query starts after that render, and the document
 * renders once its reads answer. Only the print entry calls it, with the route's code and language
 * (a print window is a page of its own: the records are never an earlier read of the app's
 * window). Resolves when read, once per version (a failure is left to the view's own read, which
 * reports it).
 */
export function primeSlaPrintData(workspaceId: string, versionId: string): Promise<void> {
  return ahead.prefetch(workspaceId, versionId);
}

/** The records primeSlaPrintData read for this version, if it did: the view's first value, until its live query answers. */
export function primedSlaPrintData(workspaceId: string, versionId: string): SlaPrintData | undefined {
  return ahead.peek(workspaceId, versionId);
}

/** Signs the generated SLA text writes outside its wording (SlaContent: targets). */
const GENERATED_SIGNS = '≥≤';
const fontsAskedFor = new WeakSet<SlaPrintData>();

/**
 * Starts loading the fonts of the SLA's text (see preloadFontsForText), once per data: the
 * version's own text, the names, and the SLA wording it is set in (the messages as written, a few
 * placeholder letters more than the text shows), with the signs SectionGenerated writes itself.
 * Called before the document renders, so the faces arrive while it renders and the first layout
 * has them.
 */
export function preloadSlaFonts(data: SlaPrintData, language: Language): void {
  const { version, members, workspace } = data;
  if (!version || fontsAskedFor.has(data)) return;
  fontsAskedFor.add(data);
  const wording = loadedMessages(language).sla;
  const text = [textOf(version.document), textOf(members.map((member) => [member.name, member.title])), workspace?.name ?? '', textOf(wording), GENERATED_SIGNS].join('\n');
  // Bold: the headings, and the signs of the whole text (tables set some in bold); not every
  // kanji of the wording twice.
  const headings = [version.document.title, wording.defaultTitle, textOf(wording.sections), textOf(wording.print)];
  const signs = [...new Set(text)].filter((char) => char.codePointAt(0)! < 0x3000).join('');
  preloadFontsForText(text, [...headings, signs].join('\n'));
}

/** After primeSlaPrintData and with the language loaded: the fonts of the primed records (see preloadSlaFonts). */
export function preloadPrimedSlaFonts(workspaceId: string, versionId: string, language: Language): void {
  const data = primedSlaPrintData(workspaceId, versionId);
  if (data) preloadSlaFonts(data, language);
}
