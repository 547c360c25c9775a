import { describe, expect, it } from 'vitest';
import { findAnyBuiltin } from '../scenarios/builtin';
import { inputProblem } from './inputProblem';
import { inspect } from './inspect';
import { createSession, injectAll, seek } from './session';
import { readTopology, setHomeInputs, setTopologyInputs } from './topologyInputs';
import { buildView } from './view';

const leaders = ['n1', 'n2', 'n3', 'n4'];

describe('readTopology', () => {
  it('reads a ring, a hub and one-way links as typed', () => {
    expect(readTopology('circular', 'n1, n3 n4', leaders)).toEqual({
      ok: true,
      topology: { kind: 'circular', order: ['n1', 'n3', 'n4'] },
    });
    expect(readTopology('star', ' n2 ', leaders)).toEqual({
      ok: true,
      topology: { kind: 'star', hub: 'n2' },
    });
    expect(readTopology('custom', 'n1>n3, n3 -> n1', leaders)).toEqual({
      ok: true,
      topology: {
        kind: 'custom',
        links: [
          ['n1', 'n3'],
          ['n3', 'n1'],
        ],
      },
    });
  });

  it('refuses what cannot be a topology, naming the field', () => {
    const refusals: Array<[Parameters<typeof readTopology>[0], string, RegExp]> = [
      ['circular', '', /^Ring order is empty/],
      ['circular', 'n1, n9', /^Ring order: "n9" is not a leader/],
      ['circular', 'n1', /^Ring order: a ring needs at least two leaders/],
      ['circular', 'n1, n3, n1', /^Ring order: "n1" appears twice/],
      ['star', 'n1 n2', /^Hub: name one leader/],
      ['custom', 'n1 n3', /^Links: write each link as "from > to"/],
      ['custom', 'n1 > n1', /^Links: a link from "n1" to itself/],
    ];
    for (const [kind, text, message] of refusals) {
      const read = readTopology(kind, text, leaders);
      expect(read.ok, `${kind} "${text}"`).toBe(false);
      if (!read.ok) expect(read.message).toMatch(message);
    }
  });
});

describe('setHomeInputs', () => {
  it('refuses an empty key and a node that is not a leader', () => {
    expect(setHomeInputs(leaders, ' ', 'n1')).toMatchObject({ ok: false, message: /^Key/ });
    expect(setHomeInputs(leaders, 'x', 'n7')).toMatchObject({
      ok: false,
      message: /^Home leader: "n7"/,
    });
  });
});

describe('re-routing a broken ring by hand', () => {
  it('lets the changes n1 owed flow again, as the scripted step does', () => {
    const scenario = findAnyBuiltin('ml-ring-node-fails');
    if (scenario === undefined) throw new Error('no ring scenario');
    const session = createSession(scenario, scenario.seed);
    seek(session, 1500);
    const owed = () => {
      const n1 = inspect(session, { kind: 'node', id: 'n1' });
      return n1?.kind === 'node' ? n1.queues?.owed.map((o) => o.to) : null;
    };
    expect(owed()).toEqual(['n2']);
    const read = readTopology('circular', 'n1, n3, n4', leaders);
    if (!read.ok) throw new Error(read.message);
    injectAll(
      session,
      setTopologyInputs(leaders, read.topology).map((input) => ({ input })),
    );
    seek(session, 2400);
    expect(owed()).toEqual([]);
    const n4 = buildView(session).nodes.find((n) => n.id === 'n4');
    expect(n4?.data.x).toBe('x2');
  });

  it('refuses a recorded re-route whose ring names a node that is not a leader', () => {
    const scenario = findAnyBuiltin('ml-ring-node-fails');
    if (scenario === undefined) throw new Error('no ring scenario');
    const session = createSession(scenario, scenario.seed);
    const [input] = setTopologyInputs(['n1'], { kind: 'circular', order: ['n1', 'zz'] });
    if (input === undefined) throw new Error('no input');
    expect(inputProblem(session.sim, { ...input, at: 0 })).toMatch(
      /^args\.topology\.circular\[1\]: "zz" is not a leader/,
    );
  });
});
