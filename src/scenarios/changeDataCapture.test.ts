import { describe, expect, it } from 'vitest';
import { nodeRuntime } from '../engine/simulation';
import { changeEvents } from '../protocols/single-leader/formats/cdc';
import { findBuiltin } from './builtin';
import { runScenario } from './run';

describe('change data capture from a logical log', () => {
  it("reads the leader's committed row changes, in commit order, with their transactions", () => {
    const scenario = findBuiltin('logical-autoincrement-order');
    if (scenario === undefined) throw new Error('missing scenario');
    const sim = runScenario(scenario, 1);
    const log = nodeRuntime(sim, 'n1')?.state.storage.log ?? [];
    const events = changeEvents(log);
    const byOp = (client: string) => log.find((e) => e.client === client)?.opId;
    // bob's lamp committed first though alice's book took id 1 first.
    expect(events.map((e) => [e.pos, e.tx, e.op, e.id, e.after])).toEqual([
      [1, byOp('bob'), 'insert', 2, { id: 2, item: 'lamp' }],
      [2, byOp('alice'), 'insert', 1, { id: 1, item: 'book' }],
      [3, byOp('ops'), 'update', 1, { status: 'shipped' }],
    ]);
    expect(events[2]?.before).toEqual({ status: null });
  });

  it('finds nothing in a statement-based log: statements mean nothing outside the database', () => {
    const scenario = findBuiltin('statement-autoincrement-order');
    if (scenario === undefined) throw new Error('missing scenario');
    const sim = runScenario(scenario, 1);
    expect(changeEvents(nodeRuntime(sim, 'n1')?.state.storage.log ?? [])).toEqual([]);
  });
});
