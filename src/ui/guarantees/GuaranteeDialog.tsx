/**
 * "Guarantee table": pick two configurations and a number of seeds, run them in the background,
 * and read which guarantees each gives; a violated cell opens its smallest violating run.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { GUARANTEE_PRESETS } from '../../scenarios/guarantees';
import { type GuaranteeProgress, runGuarantees } from '../../store/guarantees/runGuarantees';
import { scenarioCatalog } from '../../store/store';
import { FieldError } from '../panels/faults/TextField';
import '../panels/faults/faults.css';
import { GuaranteeGrid } from './GuaranteeTable';
import './guarantees.css';

const MAX_SEEDS = 200;
const titleOf = (id: string) => scenarioCatalog.find((s) => s.id === id)?.title ?? id;

/** The number of seeds as typed, or why it cannot be used. */
export function parseSeeds(
  text: string,
): { ok: true; seeds: number } | { ok: false; message: string } {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n) || n < 1 || n > MAX_SEEDS) {
    return { ok: false, message: `Seeds: a whole number from 1 to ${MAX_SEEDS} (got "${text}")` };
  }
  return { ok: true, seeds: n };
}

function PresetSelect(props: { label: string; value: string; onChange: (id: string) => void }) {
  return (
    <label
      className="field"
      title="A configuration to run: a built-in scenario with random lag and faults per seed"
    >
      <span className="field__label">{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {GUARANTEE_PRESETS.map((id) => (
          <option key={id} value={id}>
            {titleOf(id)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function GuaranteeDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const errorId = useId();
  const [left, setLeft] = useState(GUARANTEE_PRESETS[0] ?? '');
  const [right, setRight] = useState(GUARANTEE_PRESETS[1] ?? '');
  const [seedsText, setSeedsText] = useState('10');
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<GuaranteeProgress | null>(null);
  const [titles, setTitles] = useState<string[]>([]);
  const stopRef = useRef<(() => void) | null>(null);
  const stop = () => {
    stopRef.current?.();
    stopRef.current = null;
  };
  // Leaving the page (unmounting) stops the worker; the ref always holds the current one.
  useEffect(() => () => stopRef.current?.(), []);

  const run = () => {
    const parsed = parseSeeds(seedsText);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    stop();
    const ids = left === right ? [left] : [left, right];
    setTitles(ids.map(titleOf));
    stopRef.current = runGuarantees(ids, parsed.seeds, setProgress);
  };
  const running = progress !== null && progress.done < progress.total;

  return (
    <>
      <button
        type="button"
        className="button button--small"
        title="Run configurations over many seeds and see which consistency guarantees each one gives"
        onClick={() => dialogRef.current?.showModal()}
      >
        Guarantee table
      </button>
      <dialog ref={dialogRef} className="guarantees" aria-labelledby={headingId} onClose={stop}>
        <h2 id={headingId}>Guarantee table</h2>
        <p className="guarantees__intro">
          Each configuration runs with seeds 1 to N, every seed with its own lag, faults and
          workload; the checker judges every run. A violated guarantee links to its smallest
          violating run.
        </p>
        <div className="guarantees__controls">
          <PresetSelect label="Configuration A" value={left} onChange={setLeft} />
          <PresetSelect label="Configuration B" value={right} onChange={setRight} />
          <label className="field" title="How many runs per configuration (seeds 1 to N)">
            <span className="field__label">Seeds</span>
            <input
              type="text"
              inputMode="numeric"
              value={seedsText}
              aria-invalid={error !== null}
              aria-describedby={error === null ? undefined : errorId}
              onChange={(e) => setSeedsText(e.target.value)}
            />
          </label>
          <button type="button" className="button" onClick={run} disabled={running}>
            Run
          </button>
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            Close
          </button>
        </div>
        <FieldError id={errorId} message={error} />
        {progress !== null && (
          <>
            <p role="status" className="guarantees__progress">
              {progress.done < progress.total
                ? `Running: ${progress.done} of ${progress.total} runs`
                : `Done: ${progress.total} runs`}
            </p>
            <GuaranteeGrid tables={progress.tables} titles={titles} />
            {progress.tables.flatMap((t) =>
              t.crashed.map((c) => (
                <p key={`${t.scenario}:${c.seed}`} className="fault-error">
                  {titleOf(t.scenario)}, seed {c.seed} failed: {c.message}
                </p>
              )),
            )}
          </>
        )}
      </dialog>
    </>
  );
}
