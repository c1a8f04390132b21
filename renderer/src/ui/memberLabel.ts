import type { TFunction } from 'i18next';
import type { Department } from '@shared/records/member';

/**
 * A member as lists and pickers name them: "Emma Clark (Marketing)", 「佐藤 美咲（マーケティング）」
 * (the language's own brackets), with their title when asked.
 */
export function memberLabel(t: TFunction, member: { name: string; department: Department; title?: string }, options: { title?: boolean } = {}): string {
  const department = t(`department.${member.department}`);
  return options.title && member.title
    ? t('members.withDepartmentAndTitle', { name: member.name, department, title: member.title })
    : t('members.withDepartment', { name: member.name, department });
}
