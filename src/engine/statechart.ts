/**
 * Statecharts as pure functions. XState v5's `transition()` returns the next snapshot and the
 * actions to run, as data; we keep the snapshot in its persisted (JSON) form inside node state,
 * so it rides in checkpoints, and hand the actions back to the protocol to execute. XState never
 * owns a timer: a delayed event comes back as a `timer` action for the engine's virtual clock.
 */
import {
  type AnyStateMachine,
  type EventFromLogic,
  initialTransition,
  type SnapshotFrom,
  type StateValue,
  transition,
} from 'xstate';

/** A statechart snapshot as plain JSON. */
export interface ChartSnapshot {
  value: StateValue;
  context: unknown;
  status: string;
  [more: string]: unknown;
}

/** An effect requested by a transition, to be executed by the caller. */
export type ChartAction =
  | { type: 'timer'; id: string; delayMs: number; event: { type: string } }
  | { type: 'cancel-timer'; id: string }
  | { type: string; params?: Record<string, unknown> };

/** The outcome of starting or advancing a chart. */
export interface ChartStep {
  snapshot: ChartSnapshot;
  actions: ChartAction[];
}

function toStep(machine: AnyStateMachine, snapshot: unknown, raw: unknown[]): ChartStep {
  const actions: ChartAction[] = [];
  for (const action of raw as Array<{ type: string; params?: Record<string, unknown> }>) {
    const params = action.params ?? {};
    if (action.type === 'xstate.raise' && typeof params.delay === 'number') {
      actions.push({
        type: 'timer',
        id: String(params.id ?? (params.event as { type: string }).type),
        delayMs: params.delay,
        event: params.event as { type: string },
      });
    } else if (action.type === 'xstate.cancel') {
      actions.push({ type: 'cancel-timer', id: String(params.sendId) });
    } else if (!action.type.startsWith('xstate.')) {
      actions.push(action.params ? { type: action.type, params } : { type: action.type });
    }
  }
  const persisted = machine.getPersistedSnapshot(snapshot as SnapshotFrom<AnyStateMachine>);
  return { snapshot: persisted as unknown as ChartSnapshot, actions };
}

/** Start a chart: its initial snapshot and entry actions. */
export function startChart(machine: AnyStateMachine, input?: unknown): ChartStep {
  const [snapshot, actions] = initialTransition(machine, input);
  return toStep(machine, snapshot, actions);
}

/** Feed one event to a chart held in persisted form. */
export function sendChart<M extends AnyStateMachine>(
  machine: M,
  persisted: ChartSnapshot,
  event: EventFromLogic<M>,
): ChartStep {
  const snapshot = machine.resolveState(persisted as never) as SnapshotFrom<M>;
  const [next, actions] = transition(machine, snapshot, event);
  return toStep(machine, next, actions);
}

/** A chart's state as a short label, e.g. `lifecycle: active, role: leader`. */
export function chartLabel(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([region, inner]) => `${region}: ${chartLabel(inner as StateValue)}`)
    .join(', ');
}

/** Is the chart in the given state (a dotted path such as `role.leader`)? */
export function chartMatches(value: StateValue, path: string): boolean {
  let current: StateValue | undefined = value;
  for (const part of path.split('.')) {
    if (current === undefined) return false;
    if (typeof current === 'string') return current === part;
    current = (current as Record<string, StateValue>)[part];
  }
  return current !== undefined;
}
