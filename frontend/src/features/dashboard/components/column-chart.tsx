
/**
 * Columns over time, drawn in SVG. The drawing is hidden from assistive technology; the same
 * figures are in a visually hidden table beside it.
 */
export function ColumnChart({ title, points, labelHeader, valueHeader, testId }: {
  title: string;
  points: readonly { label: string; value: number }[];
  labelHeader: string;
  valueHeader: string;
  testId: string;
}) {
  const width = 24 * Math.max(1, points.length);
  const height = 100;
  const top = Math.max(1, ...points.map((point) => point.value));
  return (
    <figure data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <svg className="dashboard__columns" viewBox={`0 0 ${String(width)} ${String(height + 14)}`} aria-hidden="true" focusable="false">
        {points.map((point, index) => {
          const barHeight = Math.round((height * point.value) / top);
          return (
            <g key={point.label}>
              <rect x={index * 24 + 4} y={height - barHeight} width={16} height={barHeight} />
              {point.value > 0 ? (
                <text x={index * 24 + 12} y={height - barHeight - 2} textAnchor="middle">
                  {point.value}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
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
