import type { TFunction } from 'i18next';
import type { Language } from '@shared/settings';
import type { Host } from '../../host';
import { scenePng } from './canvas';
import { loadBoard } from './content';
import { boardImage } from './figures';

/**
 * Draws a whole board as PNG (the same scene as its PDF, on a canvas, in the bundled fonts) and
 * offers it to save. Resolves false when the user cancelled the save dialog; rejects with a
 * DiagramImageError or the host's error otherwise.
 */
export async function exportBoardImage(host: Host, workspaceId: string, boardId: string, context: { t: TFunction; language: Language }): Promise<boolean> {
  const loaded = await loadBoard(workspaceId, boardId);
  if (!loaded) throw new Error('the board does not exist');
  const { scene, scale } = boardImage(loaded.content, { ...context, members: loaded.members, agreement: loaded.board.agreement ?? null });
  const bytes = await scenePng(scene, scale);
  const result = await host.saveImage(`${loaded.board.name}.png`, bytes);
  return result.saved;
}
