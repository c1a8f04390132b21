import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSampleWorkspace } from '../../renderer/src/db/sample';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

/** Types a value into a labelled field of a card's editor and leaves the field (which saves it). */
async function setField(user: ReturnType<typeof userEvent.setup>, group: HTMLElement, label: string, value: string) {
  const field = within(group).getByLabelText(label);
  await user.clear(field);
  await user.type(field, value);
  await user.tab();
}

describe('SLA text states the numbers as typed, never rounded', () => {
  it('ja: a 99.95 % compliance level and a 0.0625-hour window read 99.95 % and 0.0625 in the commitment sentence, not 100 % and 0.063', async () => {
    const workspaceId = await createSampleWorkspace('ja');
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla/commitments` });
    const lane = await screen.findByRole('region', { name: '営業のレーン' });
    const user = userEvent.setup();
    await user.click(within(lane).getByRole('button', { name: /^初回接触までの時間/ }));
    const group = within(lane).getByRole('group', { name: /初回接触までの時間$/ });
    await setField(user, group, '達成基準（%）', '99.95');
    await setField(user, group, '期限（時間）', '0.0625');
    expect(within(group).queryByRole('alert')).toBeNull();
    const sentence = await within(lane).findByText(/0\.0625/);
    expect(sentence).toHaveTextContent('0.0625 営業時間 以内');
    expect(sentence).toHaveTextContent('99.95% 以上');
    expect(sentence.textContent).not.toMatch(/100%|0\.063/);
  });

  it('en: data completeness of 99.95 % reads 99.95 %, not 100 %', async () => {
    const workspaceId = await createSampleWorkspace('en');
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla/commitments` });
    const lane = await screen.findByRole('region', { name: 'Marketing lane' });
    const user = userEvent.setup();
    await user.click(within(lane).getByRole('button', { name: /^Data quality/ }));
    const group = within(lane).getByRole('group', { name: /Data quality$/ });
    await setField(user, group, 'Complete records (%)', '99.95');
    expect(within(group).queryByRole('alert')).toBeNull();
    const sentence = await within(lane).findByText(/99\.95%/);
    expect(sentence.textContent).not.toMatch(/100%/);
  });
});
