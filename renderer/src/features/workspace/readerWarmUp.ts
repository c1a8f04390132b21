import * as Y from 'yjs';
import { bytesToBase64 } from '@shared/base64';
import { addNodes, newSticky } from '@shared/board/doc';
import { FILE_FORMAT, FILE_VERSION, type WorkspaceFileInput } from '@shared/workspaceFile';

/**
 * A small made-up workspace file (200 members; 10 boards of 200 notes, as an export writes them)
 * that the import's worker reads while the user is still picking a file (fileWorker.ts), so the
 * reader's code is compiled and optimised before the real file arrives.
 */
export function warmUpFileText(): string {
  const at = '2026-01-01T00:00:00.000Z';
  const doc = new Y.Doc();
  addNodes(
    doc,
    Array.from({ length: 200 }, (_, n) => ({
      id: `n${n}`,
      data: newSticky({ x: n * 10, y: n * 10, department: n % 2 ? 'sales' : 'marketing', authorId: `m${n % 20}`, text: `Note ${n} 付箋` }),
    })),
    null,
  );
  const docV2 = bytesToBase64(Y.encodeStateAsUpdateV2(doc));
  const file: WorkspaceFileInput = {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: at,
    appVersion: 'warm-up',
    workspace: { id: 'w', name: 'Warm-up', createdAt: at, updatedAt: at },
    members: Array.from({ length: 200 }, (_, n) => ({ id: `m${n}`, name: `Member ${n}`, department: n % 2 ? 'sales' : 'marketing', title: '', createdAt: at, updatedAt: at })),
    boards: Array.from({ length: 10 }, (_, n) => ({ id: `b${n}`, kind: 'persona', name: `Board ${n}`, createdAt: at, updatedAt: at, agreement: null, docV2 })),
  };
  return JSON.stringify(file);
}
