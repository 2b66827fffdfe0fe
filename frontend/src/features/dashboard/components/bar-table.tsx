
export interface BarRow {
  key: string;
  label: string;
  value: number;
  /** Colour family of the bar (a severity or a zone); the label carries the meaning. */
  tone?: string;
  /** Text shown instead of the raw value (e.g. "72 %"). */
  display?: string;
}

/**
 * A bar chart that is a table: screen readers read the rows, sighted users see the bars. `max`
 * defaults to the largest value.
 */
export function BarTable({ caption, rows, labelHeader, valueHeader, max, testId, empty }: {
  caption: string;
  rows: readonly BarRow[];
  labelHeader: string;
  valueHeader: string;
  max?: number;
  testId: string;
  empty: string;
}) {
  const top = max ?? Math.max(1, ...rows.map((row) => row.value));
  return (
    <table className="dashboard__bar-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
          <td />
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3} className="muted">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.key} data-testid={`${testId}-${row.key}`}>
              <th scope="row">{row.label}</th>
              <td className="dashboard__value">{row.display ?? row.value}</td>
              <td className="dashboard__bar-cell" aria-hidden="true">
                <span className={row.tone ? `dashboard__bar dashboard__bar--${row.tone}` : 'dashboard__bar'} style={{ width: `${String(Math.round((100 * row.value) / top))}%` }} />
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
