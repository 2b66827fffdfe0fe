'use client';

/** A list filter: a labelled select whose empty value means "no filter". */
export function FilterSelect({
  id,
  label,
  allLabel,
  value,
  options,
  testId,
  onChange,
}: {
  id: string;
  label: string;
  /** Text of the empty option ("All"). */
  allLabel: string;
  value: string;
  options: readonly { value: string; label: string }[];
  testId: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="filters__field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__control"
        value={value}
        data-testid={testId}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
