import * as Y from 'yjs';
import { en } from '../../../shared/locales/en';
import { ja } from '../../../shared/locales/ja';
import type { Language } from '../../../shared/settings';
import { BOARD_NODES } from '../../../shared/records/board';
import type { Department } from '../../../shared/records/member';
import type { ParsedWorkspaceFile } from '../../../shared/workspaceFile';
import { FILE_FORMAT, FILE_VERSION } from '../../../shared/workspaceFile';
import type { AlignboardDb } from './db';
import { db as defaultDb } from './db';
import { newId, nowIso } from './ids';
import { APP_VERSION, importWorkspace } from './workspaces';

/** The persona board of the sample: a persona card with stickies around it, in the board layout. */
function samplePersonaDoc(strings: typeof en | typeof ja, memberIds: Map<Department, string>): Y.Doc {
  const doc = new Y.Doc();
  const nodes = doc.getMap<Y.Map<unknown>>(BOARD_NODES);
  doc.transact(() => {
    const card = new Y.Map<unknown>();
    const p = strings.sample.persona;
    for (const [key, value] of Object.entries({
      type: 'persona',
      x: 0,
      y: 0,
      name: p.name,
      title: p.title,
      industry: p.industry,
      companySize: p.companySize,
      goals: p.goal,
      challenges: p.challenge,
      quote: p.quote,
    })) {
      card.set(key, value);
    }
    nodes.set(newId(), card);
    strings.sample.stickies.forEach((sticky, index) => {
      const node = new Y.Map<unknown>();
      node.set('type', 'sticky');
      node.set('x', 420 + (index % 2) * 240);
      node.set('y', index * 180);
      node.set('text', sticky.text);
      node.set('department', sticky.department);
      node.set('authorId', memberIds.get(sticky.department as Department) ?? null);
      nodes.set(newId(), node);
    });
  });
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
  };
  return importWorkspace(file, {}, database);
}
