/** One refusal at a time per form: which field it concerns and what to say. */
import { useId, useState } from 'react';

export function useFieldError<F extends string>() {
  const id = useId();
  const [error, setError] = useState<{ field: F; message: string } | null>(null);
  return {
    /** The id of the message, for the field it concerns (undefined for the others). */
    errorIdFor: (field: F) => (error?.field === field ? id : undefined),
    id,
    message: error?.message ?? null,
    fail: (field: F, message: string) => setError({ field, message }),
    clear: () => setError(null),
  };
}
