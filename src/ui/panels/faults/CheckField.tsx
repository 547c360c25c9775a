/** A labelled checkbox; the tooltip sits on the box and its words, so hovering either shows it. */
import type { ReactNode } from 'react';

export function CheckField({
  title,
  checked,
  onChange,
  children,
}: {
  title: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="fault-check" title={title}>
      <input
        type="checkbox"
        title={title}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      {children}
    </label>
  );
}
