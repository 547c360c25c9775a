/**
 * Opening a scenario or run file: validated, then run; a bad file changes nothing but the notice,
 * which names the file and the field.
 */
import { parseRunFileText } from '../../scenarios/runFile';
import type { ReplicaStore } from '../../store/store';

/** At most this many of a file's problems are listed; the rest are counted. */
const SHOWN_ERRORS = 3;

export function importRunText(store: ReplicaStore, fileName: string, text: string): boolean {
  const refuse = (why: string) => {
    store.setState({ notice: `Could not open ${fileName}: ${why} The current run is unchanged.` });
    return false;
  };
  const parsed = parseRunFileText(text);
  if (!parsed.ok) {
    const more = parsed.errors.length - SHOWN_ERRORS;
    const listed = parsed.errors.slice(0, SHOWN_ERRORS).join('; ');
    return refuse(`${listed}${more > 0 ? ` (and ${more} more)` : ''}.`);
  }
  const { run } = parsed;
  const problem = store.getState().openRun({
    scenario: run.scenario,
    seed: run.seed,
    inputs: run.inputs,
    point: { timeMs: run.timeMs ?? 0, events: null },
  });
  return problem === null ? true : refuse(`${problem}.`);
}

/** Read a dropped or picked file and open it. */
export async function importRunFile(store: ReplicaStore, file: File): Promise<boolean> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    store.setState({ notice: `Could not read ${file.name}: ${(error as Error).message}` });
    return false;
  }
  return importRunText(store, file.name, text);
}
