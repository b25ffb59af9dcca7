import type { CSSProperties, ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  /** Right-aligned figures. */
  num?: boolean;
  /** A header only screen readers need (a column of buttons). */
  hidden?: boolean;
}

/**
 * A scrollable table: the header row from its columns, then the rows given as children, or one muted
 * row with `empty` across every column when `empty` is set (no rows, loading, unavailable).
 */
export function DataTable({
  columns,
  testId,
  empty,
  busy,
  style,
  children,
}: {
  columns: Column[];
  testId: string;
  empty?: ReactNode;
  busy?: boolean;
  style?: CSSProperties;
  children?: ReactNode;
}) {
  return (
    <div className="table-wrap" aria-busy={busy} style={style}>
      <table data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.num ? 'num' : undefined}>
                {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {empty ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}
