import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { useApp } from '../../app/AppContext';
import type { KpiRow } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { DataTable, RowActions } from '../../ui/DataTable';
import { MoveButtons } from '../../ui/MoveButtons';
import { toastAction } from '../../ui/toastActions';
import { useFocusAfterRemoval } from '../../ui/useFocusAfterRemoval';
import { deleteKpi, moveKpi, restoreKpi } from './kpiStore';
import { formatKpiValue, formulaText } from './model';
import { ariaKeys } from '../../ui/shortcuts/labels';
import { ScrollRegion } from './ScrollRegion';

/** The KPI definitions as a table: edit, move up/down, delete with Undo. */
export function Definitions(props: { workspaceId: string; kpis: KpiRow[]; onAdd(): void; onEdit(kpi: KpiRow): void; onCreateDefaults(): void }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  // After a delete the row's buttons are gone: the keyboard goes to the next row's Delete (or Add).
  const focusAfter = useFocusAfterRemoval(props.kpis, (kpi) => t('kpi.definitions.delete', { name: kpi.name }), addButton);

  async function remove(kpi: KpiRow, index: number) {
    focusAfter.willRemove(kpi.id, index);
    try {
      const deleted = await deleteKpi(props.workspaceId, kpi.id);
      toast(t('kpi.definitions.deleted', { name: kpi.name }), {
        action: toastAction(t('common.undo'), () => {
          void restoreKpi(deleted)
            .then(() => toast(t('kpi.definitions.restored', { name: kpi.name })))
            .catch((error: unknown) => toast.error(t('kpi.errors.failed', { message: errorMessage(error) })));
        }),
      });
    } catch (error) {
      focusAfter.cancel();
      toast.error(t('kpi.errors.failed', { message: errorMessage(error) }));
    }
  }

  async function move(kpi: KpiRow, delta: -1 | 1) {
    try {
      await moveKpi(props.workspaceId, kpi.id, delta);
    } catch (error) {
      toast.error(t('kpi.errors.failed', { message: errorMessage(error) }));
    }
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="section-header">
        <h2 id={`${id}-title`}>{t('kpi.definitions.title')}</h2>
        <div className="toolbar">
          {props.kpis.length === 0 ? (
            <button type="button" className="button" onClick={props.onCreateDefaults}>
              {t('kpi.definitions.createDefaults')}
            </button>
          ) : null}
          <button ref={addButton} type="button" className="button primary" onClick={props.onAdd} aria-keyshortcuts={ariaKeys('kpi.add')}>
            {t('kpi.definitions.add')} <kbd aria-hidden="true">{t('kpi.shortcuts.add')}</kbd>
          </button>
        </div>
      </div>
      <p className="muted">{t('kpi.definitions.shortcutHint', { key: t('kpi.shortcuts.add') })}</p>
      {props.kpis.length === 0 ? (
        <p>{t('kpi.defaults.emptyChosen')}</p>
      ) : (
        <ScrollRegion label={t('kpi.definitions.title')}>
          <DataTable
            className="kpi-definitions"
            labelledBy={`${id}-title`}
            columns={[
              t('kpi.definitions.colName'),
              t('kpi.definitions.colFormula'),
              t('kpi.definitions.colUnit'),
              t('kpi.definitions.colDirection'),
              { label: t('kpi.definitions.colTarget'), numeric: true },
              t('kpi.definitions.colOwner'),
              t('kpi.definitions.colPeriod'),
            ]}
            actions={{ label: t('kpi.definitions.colActions') }}
          >
            {props.kpis.map((kpi, index) => (
              <tr key={kpi.id}>
                <th scope="row">{kpi.name}</th>
                <td>{formulaText(t, kpi)}</td>
                <td>{t(`kpi.units.${kpi.unit}`)}</td>
                <td>{t(`kpi.directions.${kpi.direction}`)}</td>
                <td className="num">{kpi.target === null ? t('kpi.dashboard.noTarget') : formatKpiValue(kpi.target, kpi.unit, language)}</td>
                <td>{t(`kpi.owners.${kpi.owner}`)}</td>
                <td>{t(`kpi.periods.${kpi.period}`)}</td>
                <RowActions alignEnd={false}>
                  <button type="button" className="button small" aria-label={t('kpi.definitions.edit', { name: kpi.name })} onClick={() => props.onEdit(kpi)}>
                    {t('common.edit')}
                  </button>
                  <MoveButtons
                    icon
                    index={index}
                    count={props.kpis.length}
                    labels={{ up: t('kpi.definitions.moveUp', { name: kpi.name }), down: t('kpi.definitions.moveDown', { name: kpi.name }) }}
                    onMove={(delta) => void move(kpi, delta)}
                  />
                  <button type="button" className="button small danger" aria-label={t('kpi.definitions.delete', { name: kpi.name })} onClick={() => void remove(kpi, index)}>
                    {t('common.delete')}
                  </button>
                </RowActions>
              </tr>
            ))}
          </DataTable>
        </ScrollRegion>
      )}
    </section>
  );
}
