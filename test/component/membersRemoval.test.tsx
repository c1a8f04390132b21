import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Funnel } from '../../shared/funnel/plan';
import { createDefaultStages } from '../../shared/funnel/stages';
import { ActionItem, Meeting } from '../../shared/meetings/records';
import { defaultCommitments } from '../../shared/sla/commitments';
import { createDocument } from '../../shared/sla/document';
import { addSignature, createVersion, type SignatureInput, submitForReview } from '../../shared/sla/versions';
import { db } from '../../renderer/src/db/db';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

const AT = '2026-11-02T09:00:00.000Z';

/** Removes `name` through the confirmation; returns the confirmation's text as it was. */
async function removeThroughDialog(user: ReturnType<typeof userEvent.setup>, name: string): Promise<string> {
  await user.click(await screen.findByRole('button', { name: `Remove ${name}` }));
  const dialog = await screen.findByRole('alertdialog', { name: `Remove ${name}?` });
  const text = dialog.querySelector('.dialog-description')!.textContent!;
  await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
  await waitFor(() => expect(screen.queryByRole('rowheader', { name })).toBeNull());
  return text;
}

function toastOf(text: string | RegExp): Promise<HTMLElement> {
  return screen.findByText(text).then((element) => element.closest('li')!);
}

describe('Members: Undo of a removal says how it went', () => {
  it('says the member is back when Undo worked', async () => {
    const workspaceId = await createWorkspace('W');
    await addMember(workspaceId, { name: 'Yui Sato', department: 'marketing', title: 'CMO' });
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/members` });
    await removeThroughDialog(user, 'Yui Sato');
    await user.click(within(await toastOf('Yui Sato removed')).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Yui Sato put back')).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'Yui Sato' })).toBeInTheDocument();
  });

  it('says why when Undo failed, and the member stays removed (ja)', async () => {
    const workspaceId = await createWorkspace('W');
    await addMember(workspaceId, { name: '佐藤 美咲', department: 'marketing', title: '部長' });
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/members` });
    await user.click(await screen.findByRole('button', { name: '佐藤 美咲さんを削除' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: '削除' }));
    const removed = await toastOf('佐藤 美咲さんを削除しました');
    // The write of the Undo fails, as a full or failing disk would make it.
    const failing = (() => {
      throw new Error('書き込めません');
    }) as never;
    db.members.hook('creating', failing);
    try {
      await user.click(within(removed).getByRole('button', { name: '元に戻す' }));
      expect(await screen.findByText('佐藤 美咲さんを元に戻せませんでした: 書き込めません')).toBeInTheDocument();
    } finally {
      db.members.hook('creating').unsubscribe(failing);
    }
    expect(screen.queryByText('佐藤 美咲さんを元に戻しました')).toBeNull();
    expect(await db.members.where('workspaceId').equals(workspaceId).count()).toBe(0);
  });
});

describe('Members: the confirmation says what a removal changes on other pages', () => {
  const signature = (memberId: string, name: string, department: 'marketing' | 'sales'): SignatureInput => ({
    memberId,
    name,
    title: 'Head',
    department,
    date: '2026-11-02',
    image: { format: 'svg-path', data: 'M 10 10 L 20 20', width: 400, height: 150 },
  });

  it('names the SLA they can no longer sign, the signature kept, the items they own and the meetings they attended', async () => {
    const workspaceId = await createWorkspace('W');
    const mia = await addMember(workspaceId, { name: 'Mia Chen', department: 'marketing', title: 'CMO' });
    const sam = await addMember(workspaceId, { name: 'Sam Reed', department: 'sales', title: 'VP Sales' });
    const plain = await addMember(workspaceId, { name: 'Ann Lee', department: 'other', title: '' });

    let n = 0;
    const newId = () => `id${++n}`;
    const document = () => createDocument(Funnel.parse({ stages: createDefaultStages({ language: 'en', newId }), plan: {} }), defaultCommitments({ newId }), { title: 'SLA' });
    // Revision 1 signed by both; revision 2 in review, signed by Mia only: Sam's signature is awaited.
    let signed = submitForReview(createVersion({ id: 'v1', document: document(), signers: [mia.id, sam.id], now: AT }), AT);
    signed = await addSignature(await addSignature(signed, signature(mia.id, 'Mia Chen', 'marketing'), AT), signature(sam.id, 'Sam Reed', 'sales'), AT);
    let review = submitForReview(createVersion({ id: 'v2', document: document(), signers: [mia.id, sam.id], now: AT }), AT);
    review = await addSignature(review, signature(mia.id, 'Mia Chen', 'marketing'), AT);
    await db.slaVersions.bulkAdd([signed, review].map((version) => ({ ...version, workspaceId })));

    const action = (id: string, status: 'open' | 'inProgress' | 'done', ownerId: string) => ({
      ...ActionItem.parse({ id, title: `Action ${id}`, ownerId, department: 'sales', status, createdAt: AT, updatedAt: AT }),
      workspaceId,
    });
    // Two still to do (open, in progress); the done one shows its owner nowhere that matters now.
    await db.actionItems.bulkAdd([action('a1', 'open', sam.id), action('a2', 'inProgress', sam.id), action('a3', 'done', sam.id), action('a4', 'open', mia.id)]);
    const meeting = (id: string, attendeeIds: string[], owner: string | null) => ({
      ...Meeting.parse({ id, seriesId: 's1', title: id, date: '2026-11-02', attendeeIds, agenda: [{ id: `${id}-1`, kind: 'custom', title: 'Pipeline', minutes: 10, ownerId: owner }], createdAt: AT, updatedAt: AT }),
      workspaceId,
    });
    await db.meetings.bulkAdd([meeting('m1', [sam.id, mia.id], sam.id), meeting('m2', [sam.id], null), meeting('m3', [mia.id], mia.id)]);

    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/members` });
    expect(await removeThroughDialog(user, 'Sam Reed')).toBe(
      [
        'They will no longer be listed in this workspace. You can undo this for a few seconds.',
        'They have not signed the SLA awaiting their signature, and then no longer can: it has to return to draft to choose its signers again.',
        'Their signature on a signed SLA stays as it is.',
        'The 2 open action items they own will show “Former member” as their owner.',
        'The agenda item they own will show “Former member” as its owner, in the minutes too.',
        'They will no longer be listed among the attendees of the 2 meetings they attended, in their minutes too.',
      ].join(' '),
    );
    // A member nothing names: the plain question.
    expect(await removeThroughDialog(user, plain.name)).toBe('They will no longer be listed in this workspace. You can undo this for a few seconds.');
  });
});
