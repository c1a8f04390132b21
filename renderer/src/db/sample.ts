import * as Y from 'yjs';
import { en } from '../../../shared/locales/en';
import { ja } from '../../../shared/locales/ja';
import type { Language } from '../../../shared/settings';
import { addNodes, newSticky } from '../../../shared/board/doc';
import type { PersonaZone } from '../../../shared/board/nodes';
import { personaTemplate } from '../../../shared/board/personaTemplate';
import type { Department } from '../../../shared/records/member';
import type { ParsedWorkspaceFile } from '../../../shared/workspaceFile';
import { FILE_FORMAT, FILE_VERSION } from '../../../shared/workspaceFile';
import type { AlignboardDb } from './db';
import { db as defaultDb } from './db';
import { newId, nowIso } from './ids';
import { APP_VERSION, importWorkspace } from './workspaces';

/** Zone each sample note belongs to, in the order of `sample.stickies`. */
const SAMPLE_NOTE_ZONES: PersonaZone[] = ['channels', 'triggers', 'objections'];

/** The persona board of the sample: the persona template filled in, with notes in their zones. */
function samplePersonaDoc(strings: typeof en | typeof ja, memberIds: Map<Department, string>): Y.Doc {
  const doc = new Y.Doc();
  const p = strings.sample.persona;
  const template = personaTemplate(newId, {
    name: p.name,
    title: p.title,
    industry: p.industry,
    companySize: p.companySize,
    goals: p.goal,
    challenges: p.challenge,
    quote: p.quote,
    department: p.department,
    responsibilities: p.responsibilities,
    triggers: p.triggers,
    objections: p.objections,
    decisionCriteria: p.decisionCriteria,
    channels: p.channels,
    preferredContent: p.preferredContent,
    dayInLife: p.dayInLife,
    buyingRole: 'decision-maker',
  });
  const zones = new Map(
    template.flatMap(({ data }) => (data.type === 'zone' ? [[data.zone, data] as const] : [])),
  );
  const notes = strings.sample.stickies.map((sticky, index) => {
    const zone = zones.get(SAMPLE_NOTE_ZONES[index % SAMPLE_NOTE_ZONES.length]!)!;
    const department = sticky.department as Department;
    return {
      id: newId(),
      data: newSticky({
        x: zone.x + 40,
        y: zone.y + 80,
        text: sticky.text,
        department: department === 'other' ? 'joint' : department,
        authorId: memberIds.get(department) ?? null,
      }),
    };
  });
  addNodes(doc, [...template, ...notes], null);
  return doc;
}

/** Creates the sample workspace (a fictional company) in the user's language. */
export async function createSampleWorkspace(language: Language, database: AlignboardDb = defaultDb): Promise<string> {
  const strings = language === 'ja' ? ja : en;
  const now = nowIso();
  const members = strings.sample.members.map((member) => ({
    id: newId(),
    name: member.name,
    department: member.department as Department,
    title: member.title,
    createdAt: now,
    updatedAt: now,
  }));
  const firstOf = new Map<Department, string>();
  for (const member of members) if (!firstOf.has(member.department)) firstOf.set(member.department, member.id);
  const file: ParsedWorkspaceFile = {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: now,
    appVersion: APP_VERSION,
    workspace: { id: newId(), name: strings.sample.workspaceName, createdAt: now, updatedAt: now },
    members,
    boards: [
      {
        id: newId(),
        kind: 'persona',
        name: strings.sample.personaBoard,
        agreement: null,
        createdAt: now,
        updatedAt: now,
        update: Y.encodeStateAsUpdate(samplePersonaDoc(strings, firstOf)),
      },
    ],
    assets: [],
    slaVersions: [],
    meetingSeries: [],
    meetings: [],
    actionItems: [],
    kpis: [],
    kpiValues: [],
  };
  return importWorkspace(file, {}, database);
}
