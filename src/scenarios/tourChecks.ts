/**
 * Cross-field rules of a scenario's tour metadata (narration `focus` and `waitFor`): every id
 * named must be a node or client of the scenario. Shared by both protocols' validators.
 */
import type { NarrationStep } from './schema';

export function tourErrors(
  narration: readonly NarrationStep[],
  nodes: ReadonlySet<string>,
  clients: ReadonlySet<string>,
): string[] {
  const errors: string[] = [];
  narration.forEach((step, i) => {
    const path = `narration[${i}]`;
    step.focus?.endpoints.forEach((id, j) => {
      if (!nodes.has(id) && !clients.has(id))
        errors.push(`${path}.focus.endpoints[${j}]: unknown node or client "${id}"`);
    });
    const wait = step.waitFor;
    if (wait?.on === undefined) return;
    const onClient = wait.action === 'write' || wait.action === 'read';
    if (onClient ? !clients.has(wait.on) : !nodes.has(wait.on))
      errors.push(`${path}.waitFor.on: unknown ${onClient ? 'client' : 'node'} "${wait.on}"`);
  });
  return errors;
}
