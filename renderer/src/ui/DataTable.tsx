import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A column header: its words, and whether it holds numbers (right-aligned, tabular figures). */
export type Column = string | { label: ReactNode; numeric?: boolean };

/**
 * The app's list table (`.table`): a caption read by screen readers (or a heading named by
 * `labelledBy`), column headers, and optionally a last column of row actions whose header is
 * "Actions" for screen readers only, or visible words. The rows are the caller's `<tr>`s.
 */
export function DataTable(props: {
  caption?: string;
  labelledBy?: string;
  className?: string;
  /** The headers, or (`headerCells`) header cells of the caller's own, shared with a print view. */
  columns?: readonly Column[];
  headerCells?: ReactNode;
  actions?: true | { label: string; className?: string };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const columns =
    props.headerCells ??
    props.columns?.map((column, index) => {
      const { label, numeric } = typeof column === 'string' ? { label: column, numeric: false } : column;
      return (
        <th key={index} scope="col" className={numeric ? 'num' : undefined}>
          {label}
        </th>
      );
    });
  return (
    <table className={props.className ? `table ${props.className}` : 'table'} aria-labelledby={props.labelledBy}>
      {props.caption ? <caption className="visually-hidden">{props.caption}</caption> : null}
      <thead>
        <tr>
          {columns}
          {props.actions === true ? (
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          ) : props.actions ? (
            <th scope="col" className={props.actions.className}>
              {props.actions.label}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}

/**
 * The last cell of a row: its action buttons side by side, at the row's end. With `label`, the
 * buttons form a group named after the row ("Actions for Emma Clark"). `alignEnd={false}` leaves
 * them where the cell starts.
 */
export function RowActions(props: { label?: string; alignEnd?: boolean; children: ReactNode }) {
  return (
    <td className={props.alignEnd === false ? undefined : 'actions-cell'}>
      <div className="row-actions" role={props.label ? 'group' : undefined} aria-label={props.label}>
        {props.children}
      </div>
    </td>
  );
}
