import { useTranslation } from 'react-i18next';
import type { Department } from '@shared/records/member';

/** Department shown by colour AND a letter mark, never by colour alone. */
const MARK: Record<Department, string> = { sales: 'S', marketing: 'M', other: '·' };

export function DepartmentBadge(props: { department: Department }) {
  const { t } = useTranslation();
  return (
    <span className={`badge dept-${props.department}`}>
      <span aria-hidden="true" className="badge-mark">
        {MARK[props.department]}
      </span>
      {t(`department.${props.department}`)}
    </span>
  );
}
