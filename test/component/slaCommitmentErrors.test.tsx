import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { db } from '../../renderer/src/db/db';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { commitmentsOf, ensureVersion } from '../../renderer/src/features/sla/slaStore';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

async function volumeField(language: 'en' | 'ja') {
  const workspaceId = await createWorkspace('W');
  const version = await ensureVersion(workspaceId, { language, title: 'SLA' });
  const messages = language === 'en' ? en : ja;
  renderApp({ settings: { language }, hash: `#/w/${workspaceId}/sla/commitments` });
  const lane = await screen.findByRole('region', { name: language === 'en' ? 'Marketing lane' : 'マーケティングのレーン' });
  const user = userEvent.setup();
  await user.click(within(lane).getByRole('button', { name: new RegExp(`^${messages.sla.kinds.volume}`) }));
  const group = within(lane).getByRole('group', { name: new RegExp(`${messages.sla.kinds.volume}$`) });
  const field = within(group).getByLabelText(messages.sla.commitments.fields.count);
  const stored = async () => commitmentsOf((await db.slaVersions.get([workspaceId, version.id]))!.document).find((c) => c.kind === 'volume');
  return { user, group, field, stored };
}

describe('SLA commitment editor: a refused value says what is wanted', () => {
  it('en: "At least (records)" wants a whole number from 1 to 1,000,000,000; nothing is saved', async () => {
    const { user, group, field, stored } = await volumeField('en');
    const before = await stored();
    for (const text of ['-50', '0', '12.5', '1e12', '']) {
      await user.clear(field);
      if (text) await user.type(field, text);
      await user.tab();
      expect(await within(group).findByRole('alert')).toHaveTextContent('Not saved: At least (records) must be a whole number from 1 to 1,000,000,000.');
      expect(await stored()).toEqual(before);
    }
    // A good value saves and clears the message.
    await user.clear(field);
    await user.type(field, '180');
    await user.tab();
    expect(within(group).queryByRole('alert')).toBeNull();
    expect(await stored()).toMatchObject({ count: 180 });
    expect(field).toHaveAttribute('min', '1');
    expect(field).toHaveAttribute('max', '1000000000');
  });

  it('ja: the same rule in Japanese', async () => {
    const { user, group, field } = await volumeField('ja');
    await user.clear(field);
    await user.type(field, '12.5');
    await user.tab();
    expect(await within(group).findByRole('alert')).toHaveTextContent('保存されていません：最低件数 には 1〜1,000,000,000 の整数を入力してください。');
  });
});

describe('SLA commitment editor: a refused value keeps its message while another field is saved', () => {
  it('en: the refused hours stay marked “Not saved” after the compliance level is changed', async () => {
    const workspaceId = await createWorkspace('W');
    const version = await ensureVersion(workspaceId, { language: 'en', title: 'SLA' });
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla/commitments` });
    const lane = await screen.findByRole('region', { name: 'Sales lane' });
    const user = userEvent.setup();
    await user.click(within(lane).getByRole('button', { name: /^First contact time/ }));
    const group = within(lane).getByRole('group', { name: /First contact time$/ });
    const stored = async () => commitmentsOf((await db.slaVersions.get([workspaceId, version.id]))!.document).find((c) => c.kind === 'firstContact');
    const hours = within(group).getByLabelText(en.sla.commitments.fields.withinHours);
    await user.clear(hours);
    await user.type(hours, '-5');
    await user.tab();
    expect(await within(group).findByRole('alert')).toHaveTextContent(/^Not saved: Within \(hours\)/);
    const compliance = within(group).getByLabelText('Compliance level (%)');
    await user.clear(compliance);
    await user.type(compliance, '95');
    await user.tab();
    await waitFor(async () => expect(await stored()).toMatchObject({ compliancePercent: 95 }));
    // The hours box still shows -5, which was not saved: its message and its invalid state stay.
    expect(hours).toHaveValue(-5);
    expect(within(group).getByRole('alert')).toHaveTextContent(/^Not saved: Within \(hours\)/);
    expect(hours).toHaveAttribute('aria-invalid', 'true');
    expect(compliance).toHaveAttribute('aria-invalid', 'false');
    expect((await stored())!).not.toMatchObject({ withinHours: -5 });
  });
});
