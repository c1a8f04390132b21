import { configure, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { addDays, todayIn } from '../../shared/meetings/cadence';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { addAction } from '../../renderer/src/features/meetings/meetingStore';
import { renderApp, resetDb } from './renderApp';

configure({ asyncUtilTimeout: 5_000 });

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

describe('numbers in meeting sentences', { timeout: 30_000 }, () => {
  it.each([
    ['en', en, 'Overdue by 10,202 days'],
    ['ja', ja, '期限を 10,202 日超過'],
  ] as const)('days overdue on the meetings page are grouped by the app’s language (%s)', async (language, strings, overdue) => {
    const workspaceId = await createWorkspace('Northwind');
    await addAction(workspaceId, { title: 'Ancient item', department: 'sales', dueDate: addDays(todayIn(), -10_202) });
    renderApp({ settings: { language }, hash: `#/w/${workspaceId}/meetings` });
    const table = await screen.findByRole('table', { name: strings.meetings.openActions.title });
    expect(within(within(table).getByRole('row', { name: /Ancient item/ })).getByText(new RegExp(`${overdue}$`))).toBeInTheDocument();
  });

  it.each([
    ['en', en, '1,001 open action items · ⚠ 1,001 overdue'],
    ['ja', ja, '未完了のアクションアイテム 1,001 件 · ⚠ 期限切れ 1,001 件'],
  ] as const)('open and overdue counts on the workspace page are grouped by the app’s language (%s)', async (language, strings, counts) => {
    const workspaceId = await createWorkspace('Northwind');
    const due = addDays(todayIn(), -3);
    for (let index = 0; index < 1_001; index++) await addAction(workspaceId, { title: `Item ${index}`, department: 'marketing', dueDate: due });
    renderApp({ settings: { language }, hash: `#/w/${workspaceId}` });
    const section = await screen.findByRole('region', { name: strings.meetings.title });
    expect(await within(section).findByText(new RegExp(counts.split(' · ')[0]!))).toHaveTextContent(counts);
  });
});
