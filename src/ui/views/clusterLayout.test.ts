import { describe, expect, it } from 'vitest';
import { clusterLayout, NODE_RADIUS, withPositions } from './clusterLayout';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('clusterLayout', () => {
  it('is a pure function of the ids', () => {
    const a = clusterLayout(['n1', 'n2', 'n3'], ['monitor'], ['u1']);
    const b = clusterLayout(['n1', 'n2', 'n3'], ['monitor'], ['u1']);
    expect(b).toEqual(a);
  });

  it('keeps replicas apart, the monitor above them and clients below', () => {
    for (let n = 2; n <= 7; n++) {
      const ids = Array.from({ length: n }, (_, i) => `n${i + 1}`);
      const layout = clusterLayout(ids, ['monitor'], ['u1', 'u2']);
      const replicas = [...layout.replicas.values()];
      for (const [i, a] of replicas.entries()) {
        for (const b of replicas.slice(i + 1)) {
          expect(distance(a, b)).toBeGreaterThan(3 * NODE_RADIUS);
        }
      }
      const monitor = layout.monitors.get('monitor');
      const topReplica = Math.min(...replicas.map((p) => p.y));
      const bottomReplica = Math.max(...replicas.map((p) => p.y));
      expect(monitor?.y).toBeLessThan(topReplica - 2 * NODE_RADIUS);
      for (const c of layout.clients.values()) expect(c.y).toBeGreaterThan(bottomReplica);
    }
  });

  it('has an endpoint for every node and client, and links between them', () => {
    const layout = clusterLayout(['a', 'b', 'c'], ['m'], ['u']);
    expect([...layout.endpoints.keys()].sort()).toEqual(['a', 'b', 'c', 'm', 'u']);
    expect(layout.links.filter((l) => l.kind === 'replica')).toHaveLength(3);
    expect(layout.links.filter((l) => l.kind === 'monitor')).toHaveLength(3);
    expect(layout.links.filter((l) => l.kind === 'client')).toHaveLength(3);
  });

  it('fits the view box around everything drawn', () => {
    const layout = clusterLayout(['a', 'b', 'c'], ['m'], ['u1', 'u2']);
    const { x, y, width, height } = layout.viewBox;
    for (const p of layout.endpoints.values()) {
      expect(p.x - p.radius).toBeGreaterThanOrEqual(x);
      expect(p.x + p.radius).toBeLessThanOrEqual(x + width);
      expect(p.y - p.radius).toBeGreaterThanOrEqual(y);
      expect(p.y + p.radius).toBeLessThanOrEqual(y + height);
    }
  });

  it('survives an empty cluster', () => {
    const layout = clusterLayout([], [], []);
    expect(layout.viewBox.width).toBeGreaterThan(0);
    expect(layout.links).toEqual([]);
  });
});

describe('clusterLayout, clients', () => {
  it('keeps a client clear of the replica above it', () => {
    const layout = clusterLayout(['n1', 'n2', 'n3'], [], ['u1']);
    const client = layout.clients.get('u1');
    const lowest = Math.max(...[...layout.replicas.values()].map((p) => p.y));
    expect(client?.y).toBeGreaterThan(lowest + NODE_RADIUS + 60);
  });
});

describe('clusterLayout, clients and the bottom replica', () => {
  it('leaves the middle of the client row free when a replica sits at the bottom of the ring', () => {
    const layout = clusterLayout(['n1', 'n2', 'n3'], ['monitor'], ['u1']);
    const bottom = [...layout.replicas.values()].reduce((a, b) => (b.y > a.y ? b : a));
    const client = layout.clients.get('u1');
    expect(Math.abs((client?.x ?? 0) - bottom.x)).toBeGreaterThan(100);
  });

  it('keeps an even row centred when no replica is at the bottom', () => {
    const layout = clusterLayout(['n1', 'n2'], [], ['u1', 'u2']);
    const xs = [...layout.clients.values()].map((p) => p.x);
    expect((xs[0] ?? 0) + (xs[1] ?? 0)).toBeCloseTo(2 * 400);
  });
});

describe('withPositions', () => {
  it('moves a node and the endpoint its messages use, leaving the rest', () => {
    const layout = clusterLayout(['n1', 'n2', 'n3'], ['monitor'], ['user-1']);
    const moved = withPositions(layout, new Map([['n2', { x: 5, y: 7 }]]));
    expect(moved.replicas.get('n2')).toEqual({ x: 5, y: 7 });
    expect(moved.endpoints.get('n2')).toMatchObject({ x: 5, y: 7, radius: NODE_RADIUS });
    expect(moved.replicas.get('n1')).toEqual(layout.replicas.get('n1'));
    expect(moved.clients.get('user-1')).toEqual(layout.clients.get('user-1'));
  });

  it('ignores ids that are not in the picture', () => {
    const layout = clusterLayout(['n1'], [], []);
    const moved = withPositions(layout, new Map([['ghost', { x: 1, y: 1 }]]));
    expect([...moved.endpoints.keys()]).toEqual(['n1']);
  });
});

/** A placed point, failing the test if it is missing. */
const at = (placed: ReadonlyMap<string, { x: number; y: number }>, id: string) => {
  const p = placed.get(id);
  if (p === undefined) throw new Error(`${id} was not placed`);
  return p;
};

describe('grouped layout', () => {
  const groups = [
    { id: 'dc-eu', label: 'Datacenter EU', members: ['eu1', 'eu2', 'eu3'] },
    { id: 'dc-us', label: 'Datacenter US', members: ['us1', 'us2'] },
  ];
  const ids = ['eu1', 'eu2', 'eu3', 'us1', 'us2', 'stray'];
  const inside = (
    p: { x: number; y: number },
    f: { x: number; y: number; width: number; height: number },
  ) => p.x > f.x && p.x < f.x + f.width && p.y > f.y && p.y < f.y + f.height;

  it('puts each group in its own frame, members inside it, frames side by side', () => {
    const layout = clusterLayout(ids, ['monitor'], ['user-1'], groups);
    expect(layout.groups.map((g) => g.label)).toEqual(['Datacenter EU', 'Datacenter US']);
    const [eu, us] = layout.groups;
    if (eu === undefined || us === undefined) throw new Error('frames missing');
    for (const id of ['eu1', 'eu2', 'eu3']) expect(inside(at(layout.replicas, id), eu)).toBe(true);
    for (const id of ['us1', 'us2']) expect(inside(at(layout.replicas, id), us)).toBe(true);
    expect(us.x).toBeGreaterThanOrEqual(eu.x + eu.width);
  });

  it('still places replicas in no group, outside every frame', () => {
    const layout = clusterLayout(ids, [], [], groups);
    const stray = at(layout.replicas, 'stray');
    for (const frame of layout.groups) expect(inside(stray, frame)).toBe(false);
  });

  it('keeps the monitor above and the clients below every frame', () => {
    const layout = clusterLayout(ids, ['monitor'], ['user-1'], groups);
    const top = Math.min(...layout.groups.map((g) => g.y));
    const bottom = Math.max(...layout.groups.map((g) => g.y + g.height));
    expect(at(layout.monitors, 'monitor').y).toBeLessThan(top);
    expect(at(layout.clients, 'user-1').y).toBeGreaterThan(bottom);
  });

  it('shows whole frames in the view box', () => {
    const layout = clusterLayout(ids, [], [], groups);
    const { viewBox: v } = layout;
    for (const f of layout.groups) {
      expect(f.x).toBeGreaterThanOrEqual(v.x);
      expect(f.x + f.width).toBeLessThanOrEqual(v.x + v.width);
    }
  });
});

describe('large rings', () => {
  it('keep replicas apart however many there are (up to forty)', () => {
    for (let n = 2; n <= 40; n++) {
      const ids = Array.from({ length: n }, (_, i) => `n${i + 1}`);
      const points = [...clusterLayout(ids, [], []).replicas.values()];
      let nearest = Number.POSITIVE_INFINITY;
      points.forEach((p, i) => {
        for (const q of points.slice(i + 1)) nearest = Math.min(nearest, distance(p, q));
      });
      expect(nearest, `${n} replicas`).toBeGreaterThan(2 * NODE_RADIUS + 40);
    }
  });
});

describe('links in a grouped cluster', () => {
  it('join replicas within a group, never across groups', () => {
    const groups = [
      { id: 'p1', label: 'Partition p1', members: ['a1', 'a2'] },
      { id: 'p2', label: 'Partition p2', members: ['b1', 'b2'] },
    ];
    const layout = clusterLayout(['a1', 'a2', 'b1', 'b2'], [], [], groups);
    const replicaLinks = layout.links.filter((l) => l.kind === 'replica');
    expect(replicaLinks.map((l) => `${l.a}-${l.b}`)).toEqual(['a1-a2', 'b1-b2']);
  });
});

describe('datacenters on a ring (multi-leader)', () => {
  const dcs = (n: number, followers = 0) =>
    Array.from({ length: n }, (_, i) => ({
      id: `dc${i + 1}`,
      label: `Datacenter dc${i + 1}`,
      members: [`n${i + 1}`, ...Array.from({ length: followers }, (_, k) => `n${i + 1}f${k}`)],
      clients: [`c${i + 1}`],
    }));
  const overlap = (
    f: { x: number; y: number; width: number; height: number },
    g: { x: number; y: number; width: number; height: number },
  ) => f.x < g.x + g.width && g.x < f.x + f.width && f.y < g.y + g.height && g.y < f.y + f.height;
  const layoutOf = (n: number, followers: number, centre: string | null) => {
    const groups = dcs(n, followers);
    return clusterLayout(
      groups.flatMap((g) => g.members),
      [],
      groups.map((g) => `c${g.id.slice(2)}`),
      groups,
      { ring: true, centre, firstOnTop: true },
    );
  };

  it('never lets two datacenter frames overlap, with or without a hub in the middle', () => {
    for (let n = 3; n <= 8; n++)
      for (const followers of [0, 1, 2])
        for (const centre of [null, 'dc2']) {
          const frames = layoutOf(n, followers, centre).groups;
          frames.forEach((f, i) => {
            for (const g of frames.slice(i + 1))
              expect(overlap(f, g), `${n} dcs, ${followers} followers, ${f.id}/${g.id}`).toBe(
                false,
              );
          });
        }
  });

  it('puts the hub datacenter in the middle, the others around it', () => {
    const layout = layoutOf(5, 1, 'dc3');
    const hub = at(layout.replicas, 'n3');
    const leaves = ['n1', 'n2', 'n4', 'n5'].map((id) => at(layout.replicas, id));
    const mean = {
      x: leaves.reduce((s, p) => s + p.x, 0) / 4,
      y: leaves.reduce((s, p) => s + p.y, 0) / 4,
    };
    for (const p of leaves) expect(distance(p, hub)).toBeGreaterThan(distance(mean, hub));
  });

  it('puts each leader above its followers', () => {
    const layout = layoutOf(3, 2, null);
    for (const i of [1, 2, 3])
      for (const k of [0, 1])
        expect(at(layout.replicas, `n${i}`).y).toBeLessThan(at(layout.replicas, `n${i}f${k}`).y);
  });

  it("links a datacenter's clients to its own nodes only", () => {
    const layout = layoutOf(3, 1, null);
    const clientLinks = layout.links.filter((l) => l.kind === 'client' && l.a === 'c2');
    expect(clientLinks.map((l) => l.b).sort()).toEqual(['n2', 'n2f0']);
  });
});
