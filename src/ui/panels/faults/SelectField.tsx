/** A labelled picker with a one-sentence tooltip; options are plain ids or value/label pairs. */

export type Choice = string | { value: string; label: string };

const choiceValue = (c: Choice) => (typeof c === 'string' ? c : c.value);
const choiceLabel = (c: Choice) => (typeof c === 'string' ? c : c.label);

export function SelectField({
  label,
  title,
  value,
  options,
  onChange,
  errorId,
}: {
  label: string;
  title: string;
  value: string;
  options: readonly Choice[];
  onChange: (value: string) => void;
  /** The id of the message explaining why this choice was refused, if it was. */
  errorId?: string | undefined;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select
        title={title}
        value={value}
        aria-invalid={errorId !== undefined}
        aria-describedby={errorId}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((c) => (
          <option key={choiceValue(c)} value={choiceValue(c)}>
            {choiceLabel(c)}
          </option>
        ))}
      </select>
    </label>
  );
}
