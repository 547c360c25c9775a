/**
 * Leaderless replicas as the views draw them: every replica is a peer, so there is no role,
 * mode or lag to show; what each holds is its copies (a value, or siblings) and the hints it
 * keeps for unreachable home replicas.
 */
import { nodeRuntime } from '../../engine/endpoints';
import type { Value } from '../../engine/types';
import type { LeaderlessSim } from '../../protocols/leaderless/outcome';
import { encodeSiblings } from '../../protocols/leaderless/siblingValues';
import { NO_DEPTH } from '../depthView';
import type { NodeView } from '../nodeView';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function leaderlessNodeViews(sim: LeaderlessSim): NodeView[] {
  return sim.core.nodeIds.map((id) => {
    const node = nodeRuntime(sim, id);
    if (node === undefined) throw new Error(`unknown node ${id}`);
    const s = node.state;
    const data: Record<string, Value> = {};
    for (const key of Object.keys(s.data).sort()) {
      data[key] = encodeSiblings((s.data[key]?.siblings ?? []).map((x) => x.value));
    }
    const keys = Object.keys(data).length;
    const hints = Object.keys(s.hints).length;
    const parkedFor = [...new Set(Object.values(s.hints).map((h) => h.home))].sort();
    const words =
      hints > 0
        ? `${plural(keys, 'key')}, ${plural(hints, 'hint')} held for ${parkedFor.join(', ')}`
        : plural(keys, 'key');
    return {
      id,
      isMonitor: false,
      up: node.up,
      role: 'replica',
      lifecycle: node.up ? 'active' : 'down',
      epoch: 0,
      leaderId: null,
      lastPos: keys,
      holding: { figure: keys, caption: keys === 1 ? 'key' : 'keys', words },
      lagPositions: 0,
      lagMs: 0,
      mode: null,
      data,
      chart: node.up ? 'up' : 'down',
      clockSkewMs: node.clockSkewMs,
      depth: NO_DEPTH,
      parkedFor,
    };
  });
}
