/** A small button whose tooltip explains, in one sentence, what pressing it injects. */
import type { ReactNode } from 'react';

export function ActionButton({
  title,
  onClick,
  disabled = false,
  danger = false,
  children,
}: {
  title: string;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={danger ? 'button button--small button--danger' : 'button button--small'}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
