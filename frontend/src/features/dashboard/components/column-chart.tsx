
/** Room for the value axis's figures on the left and the time axis's labels below, in viewBox units. */
const LEFT = 26;
const BOTTOM = 16;
const SLOT = 24;
const HEIGHT = 100;
/** Room above the highest column for its figure, and on the right for the last date. */
const TOP = 12;
const RIGHT = 8;

/**
 * Columns over time, drawn in SVG with both axes: figures on the vertical one (0, half, the highest),
 * a short date under every other column (more would overlap on a phone), the axes' names below. The
 * drawing is hidden from assistive technology; the same figures are in a visually hidden table beside it.
 */
export function ColumnChart({ title, points, labelHeader, valueHeader, axesCaption, testId }: {
  title: string;
  /** Names the two axes in words, under the drawing. */
  axesCaption: string;
  /** `axisLabel`: the short form written under the column (the table says it in full). */
  points: readonly { label: string; axisLabel: string; value: number }[];
  labelHeader: string;
  valueHeader: string;
  testId: string;
}) {
  const plotEnd = LEFT + SLOT * Math.max(1, points.length);
  const width = plotEnd + RIGHT;
  const top = Math.max(1, ...points.map((point) => point.value));
  const ticks = [...new Set([0, Math.round(top / 2), top])];
  const y = (value: number) => TOP + HEIGHT - Math.round((HEIGHT * value) / top);
  return (
    <figure data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <svg className="dashboard__columns" viewBox={`0 0 ${String(width)} ${String(TOP + HEIGHT + BOTTOM)}`} aria-hidden="true" focusable="false">
        {ticks.map((tick) => (
          <g key={tick} className="dashboard__tick">
            <line x1={LEFT - 3} x2={plotEnd} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 5} y={y(tick) + 3} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        <line className="dashboard__axis" x1={LEFT} x2={LEFT} y1={TOP} y2={y(0)} />
        <line className="dashboard__axis" x1={LEFT} x2={plotEnd} y1={y(0)} y2={y(0)} />
        {points.map((point, index) => {
          const x = LEFT + index * SLOT;
          return (
            <g key={point.label}>
              <rect x={x + 4} y={y(point.value)} width={16} height={y(0) - y(point.value)} />
              {point.value > 0 ? (
                <text x={x + SLOT / 2} y={y(point.value) - 2} textAnchor="middle">
                  {point.value}
                </text>
              ) : null}
              {index % 2 === points.length % 2 ? null : (
                <text x={x + SLOT / 2} y={y(0) + 12} textAnchor="middle">
                  {point.axisLabel}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p className="dashboard__axes" aria-hidden="true">
        {axesCaption}
      </p>
      {/* Hidden by a wrapper: a table is at least as wide as its cells whatever its own width, and
          a hidden table wider than a phone made the whole page scroll sideways. */}
      <div className="visually-hidden">
        <table>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.label}>
                <th scope="row">{point.label}</th>
                <td>{point.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
