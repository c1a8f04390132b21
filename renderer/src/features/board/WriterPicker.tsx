import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '@shared/records/member';
import { stickyDepartmentOf } from './labels';
import type { Writer } from './writer';
import { ariaKeys } from '../../ui/shortcuts/labels';

/**
 * "Who is writing": one click, or one key (1–9 the n-th member, 0 joint), sets the author and
 * department of new notes and the voter during a dot vote. Native radios: one Tab stop, arrows move.
 */
export function WriterPicker(props: { members: readonly Member[]; writer: Writer; compact?: boolean; onChange(writer: Writer): void }) {
  const { t } = useTranslation();
  const name = useId();
  if (props.compact) return <CompactWriterPicker {...props} />;
  const option = (key: string, label: string, department: 'sales' | 'marketing' | 'joint', value: Writer, title?: string) => {
    const checked = value.kind === props.writer.kind && (value.kind === 'joint' || (props.writer.kind === 'member' && props.writer.id === value.id));
    return (
      <label key={value.kind === 'member' ? value.id : 'joint'} className={`writer-option writer-${department}${checked ? ' is-checked' : ''}`} title={title}>
        <input type="radio" name={name} checked={checked} onChange={() => props.onChange(value)} aria-keyshortcuts={key === '–' ? undefined : ariaKeys('board.writer', key === '0' ? 9 : Number(key) - 1)} />
        {key !== '–' ? <kbd aria-hidden="true">{key}</kbd> : null}
        <span className={`dept-mark dept-mark-${department}`} aria-hidden="true">
          {t(`board.mark.${department}`)}
        </span>
        <span className="writer-name">{label}</span>
        <span className="visually-hidden">{` (${t(`board.department.${department}`)})`}</span>
      </label>
    );
  };
  return (
    <fieldset className="writer-picker">
      <legend>{t('board.writer.legend')}</legend>
      <div className="writer-options">
        {props.members.map((member, index) =>
          option(index < 9 ? String(index + 1) : '–', member.name, stickyDepartmentOf(member.department), { kind: 'member', id: member.id }, member.title),
        )}
        {option('0', t('board.writer.joint'), 'joint', { kind: 'joint' })}
      </div>
    </fieldset>
  );
}

/**
 * The compact chrome's writer picker: one labelled select in the toolbar row (the same keys, 1–9
 * and 0), the current writer's department mark beside it so the colour shows at a glance.
 */
function CompactWriterPicker(props: { members: readonly Member[]; writer: Writer; onChange(writer: Writer): void }) {
  const { t } = useTranslation();
  const id = useId();
  const current = props.writer.kind === 'member' ? props.writer.id : '';
  const currentMember = props.writer.kind === 'member' ? props.members.find((member) => member.id === current) : undefined;
  const currentDepartment = currentMember ? stickyDepartmentOf(currentMember.department) : 'joint';
  const option = (key: string, value: string, label: string, department: 'sales' | 'marketing' | 'joint') => (
    <option key={value || 'joint'} value={value}>
      {/* Joint is its own department: said once. */}
      {`${key === '–' ? '' : `${key} · `}${value ? t('members.withDepartment', { name: label, department: t(`board.department.${department}`) }) : label}`}
    </option>
  );
  return (
    <div className="writer-picker is-compact">
      <label htmlFor={id}>{t('board.writer.legend')}</label>
      <span className={`dept-mark dept-mark-${currentDepartment}`} aria-hidden="true">
        {t(`board.mark.${currentDepartment}`)}
      </span>
      <select
        id={id}
        className="input writer-select"
        value={current}
        aria-keyshortcuts={ariaKeys('board.writer')}
        data-keys="control"
        onChange={(event) => props.onChange(event.target.value ? { kind: 'member', id: event.target.value } : { kind: 'joint' })}
      >
        {props.members.map((member, index) => option(index < 9 ? String(index + 1) : '–', member.id, member.name, stickyDepartmentOf(member.department)))}
        {option('0', '', t('board.writer.joint'), 'joint')}
      </select>
    </div>
  );
}
