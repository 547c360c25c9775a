/** One refusal at a time per form: which field it concerns and what to say. */
import { useId, useState } from 'react';

export interface FieldErrors<F extends string> {
  /** The id of the message, for the field it concerns (undefined for the others). */
  errorIdFor: (field: F) => string | undefined;
  id: string;
  message: string | null;
  fail: (field: F, message: string) => void;
  clear: () => void;
}

export function useFieldError<F extends string>(): FieldErrors<F> {
  const id = useId();
  const [error, setError] = useState<{ field: F; message: string } | null>(null);
  return {
    errorIdFor: (field) => (error?.field === field ? id : undefined),
    id,
    message: error?.message ?? null,
    fail: (field, message) => setError({ field, message }),
    clear: () => setError(null),
  };
}
