/**
 * Multi-leader nodes as the views draw them: leaders and followers grouped by datacenter; each
 * holds keys (their values as a read there would return them), and a leader may owe changes to
 * nodes that have not acknowledged them — a stalled link in a ring or star shows here.
 */
import { nodeRuntime } from '../../engine/endpoints';
import type { Value } from '../../engine/types';
import type { MultiLeaderSim } from '../../protocols/multi-leader/outcome';
import { readKey } from '../../protocols/multi-leader/values';
import { NO_DEPTH } from '../depthView';
import type { NodeView } from '../nodeView';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function multiLeaderNodeViews(sim: MultiLeaderSim): NodeView[] {
  const { conflicts } = sim.config.protocol;
  return sim.core.nodeIds.map((id) => {
    const node = nodeRuntime(sim, id);
    if (node === undefined) throw new Error(`unknown node ${id}`);
    const s = node.state;
    const data: Record<string, Value> = {};
    for (const key of Object.keys(s.data).sort()) {
      const state = s.data[key];
      if (state !== undefined) data[key] = readKey(state, conflicts);
    }
    const keys = Object.keys(data).length;
    let owed = 0;
    for (const box of Object.values(s.outbox)) owed += box.length;
    const words = [plural(keys, 'key')];
    if (owed > 0) words.push(`owes ${plural(owed, 'change')}`);
    if (s.waiting.length > 0) words.push(`${s.waiting.length} waiting`);
    return {
      id,
      isMonitor: false,
      up: node.up,
      role: s.role,
      lifecycle: node.up ? 'active' : 'down',
      epoch: 0,
      leaderId: s.role === 'follower' ? s.leader : null,
      lastPos: keys,
      holding: { figure: keys, caption: keys === 1 ? 'key' : 'keys', words: words.join(', ') },
      lagPositions: 0,
      lagMs: 0,
      mode: null,
      data,
      chart: node.up ? 'up' : 'down',
      depth: NO_DEPTH,
      clockSkewMs: node.clockSkewMs,
      datacenter: s.dc,
    };
  });
}
