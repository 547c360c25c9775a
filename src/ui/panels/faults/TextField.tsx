/**
 * A labelled text field with a one-sentence tooltip, marked invalid (and pointing at the
 * message) when its entry was refused. The text stays as typed: a refusal loses nothing.
 */
export function TextField({
  label,
  title,
  value,
  onChange,
  errorId,
  numeric = false,
  className,
}: {
  label: string;
  title: string;
  value: string;
  onChange: (text: string) => void;
  /** The id of the message explaining why this field's entry was refused, if it was. */
  errorId?: string | undefined;
  numeric?: boolean;
  className?: string;
}) {
  return (
    <label className={`field ${className ?? ''}`}>
      <span className="field__label">{label}</span>
      <input
        type="text"
        className={numeric ? 'fault-field fault-field--numeric' : 'fault-field'}
        inputMode={numeric ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
        title={title}
        value={value}
        aria-invalid={errorId !== undefined}
        aria-describedby={errorId}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** Why the last entry was refused: announced, and shown under the form. */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  if (message === null) return null;
  return (
    <p id={id} className="fault-error" role="alert">
      {message}
    </p>
  );
}
