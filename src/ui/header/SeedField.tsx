/**
 * The run's seed. A typed seed applies on Enter or with the button. One that is not a valid seed
 * is reported through `onError` (shown in the message area under the header, which this field
 * points to with aria-describedby) and the current run carries on untouched.
 */
import { type FormEvent, useId, useState } from 'react';
import { useReplicaStore } from '../StoreContext';
import { parseSeed } from '../seed';

export function SeedField({
  seed,
  error,
  errorId,
  onError,
}: {
  seed: number;
  error: string | null;
  errorId: string;
  onError: (message: string | null) => void;
}) {
  const store = useReplicaStore();
  const [draft, setDraft] = useState(String(seed));
  const inputId = useId();

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSeed(draft);
    if (!parsed.ok) {
      onError(`${parsed.message} The current run is unchanged.`);
      return;
    }
    onError(null);
    const { scenario, seed: current } = store.getState();
    if (parsed.seed !== current) store.getState().loadScenario(scenario.id, parsed.seed);
  };

  return (
    <form className="seed-field" onSubmit={apply} noValidate>
      <label className="field__label" htmlFor={inputId}>
        Seed
      </label>
      <div className="seed-field__row">
        <input
          id={inputId}
          className="seed-field__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button button--small">
          Apply seed
        </button>
      </div>
    </form>
  );
}
