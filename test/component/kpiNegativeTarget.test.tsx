import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { createDefaultKpis, listKpis } from '../../renderer/src/features/kpis/kpiStore';
import { renderApp, resetDb } from './renderApp';

configure({ asyncUtilTimeout: 5_000 });

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

describe('KPI definition: negative targets', { timeout: 30_000 }, () => {
  for (const [language, strings, kpiName, editName] of [
    ['en', en, 'MQL count', 'Edit MQL count'],
    ['ja', ja, 'Win rate', null as string | null],
  ] as const) {
    it(`${language}: a count or percent KPI refuses a negative target, named in the dialog; a manual KPI takes one`, async () => {
      const workspaceId = await createWorkspace('W');
      const { kpis } = await createDefaultKpis(workspaceId, language);
      const kpi = language === 'en' ? kpis.find((row) => row.name === kpiName)! : kpis.find((row) => row.template === 'winRate')!;
      const user = userEvent.setup();
      renderApp({ settings: { language }, hash: `#/w/${workspaceId}/kpis` });
      await user.click(await screen.findByRole('tab', { name: strings.kpi.tabs.definitions }));
      await user.click(await screen.findByRole('button', { name: editName ?? `編集：${kpi.name}` }));
      const dialog = await screen.findByRole('dialog', { name: strings.kpi.form.editTitle });
      const target = within(dialog).getByLabelText(strings.kpi.form.target);
      await user.clear(target);
      await user.type(target, language === 'en' ? '-100' : '-250');
      await user.click(within(dialog).getByRole('button', { name: strings.kpi.form.save }));
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(strings.kpi.form.negativeTarget);
      expect(target).toHaveAttribute('aria-invalid', 'true');
      expect((await listKpis(workspaceId)).find((row) => row.id === kpi.id)!.target).toBe(kpi.target);
      // Made a manual KPI (its values may be below zero), the same target is taken.
      await user.selectOptions(within(dialog).getByLabelText(strings.kpi.form.formulaType), strings.kpi.form.formulaTypes.manual);
      await user.click(within(dialog).getByRole('button', { name: strings.kpi.form.save }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect((await listKpis(workspaceId)).find((row) => row.id === kpi.id)).toMatchObject({ formula: { type: 'manual' }, target: language === 'en' ? -100 : -250 });
    });
  }
});
