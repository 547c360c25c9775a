/**
 * Crashes and restarts on node lanes: a mark at each, and the stretch in between drawn as down.
 * A node still down at time t is down up to the playhead.
 */
import type { LifecycleMark } from '../../../store/timeline';

export interface DownStretch {
  node: string;
  fromMs: number;
  toMs: number;
}

/** The stretches during which each node was down, up to time t. */
export function downStretches(marks: readonly LifecycleMark[], t: number): DownStretch[] {
  const out: DownStretch[] = [];
  const downSince = new Map<string, number>();
  for (const m of marks) {
    if (m.type === 'crash') {
      if (!downSince.has(m.node)) downSince.set(m.node, m.t);
      continue;
    }
    const from = downSince.get(m.node);
    if (from === undefined) continue;
    downSince.delete(m.node);
    out.push({ node: m.node, fromMs: from, toMs: m.t });
  }
  for (const [node, fromMs] of downSince) out.push({ node, fromMs, toMs: t });
  return out;
}
