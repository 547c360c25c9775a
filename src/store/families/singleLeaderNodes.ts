/**
 * Single-leader nodes as the views draw them: role, lifecycle, follower mode as the current
 * leader sees it, how far behind its leader each follower is, in positions and in time.
 */
import { nodeRuntime } from '../../engine/endpoints';
import { chartLabel } from '../../engine/statechart';
import type { NodeId, SimTimeMs } from '../../engine/types';
import { lastPos, type Storage } from '../../protocols/single-leader/log';
import type { SingleLeaderSim } from '../../protocols/single-leader/outcome';
import type { SingleLeaderNode } from '../../protocols/single-leader/state';
import { depthView } from '../depthView';
import type { NodeView } from '../nodeView';

/** How long ago the leader appended the first entry after `followerLast` (0 if none). */
export function msBehind(
  leaderStorage: Storage,
  followerLast: number,
  now: SimTimeMs,
): number | null {
  if (followerLast >= lastPos(leaderStorage)) return 0;
  const missing = leaderStorage.log[followerLast - leaderStorage.snapshotPos];
  return missing === undefined ? null : now - missing.appendedAt;
}

function modeOf(
  sim: SingleLeaderSim,
  id: NodeId,
  s: SingleLeaderNode,
  leader: SingleLeaderNode | undefined,
): NodeView['mode'] {
  if (s.isMonitor || s.role === 'leader') return null;
  if (leader?.leader && sim.config.protocol.semiSync) {
    return leader.leader.syncFollower === id ? 'sync' : 'async';
  }
  return leader?.modes[id] ?? s.modes[id] ?? 'async';
}

export function singleLeaderNodeViews(sim: SingleLeaderSim): NodeView[] {
  const t = sim.core.now;
  return sim.core.nodeIds.map((id) => {
    const node = nodeRuntime(sim, id);
    if (node === undefined) throw new Error(`unknown node ${id}`);
    const s = node.state;
    const leader = s.leaderId === null ? undefined : nodeRuntime(sim, s.leaderId)?.state;
    const leads = s.isMonitor || s.role === 'leader';
    const position = lastPos(s.storage);
    const leaderLast = leader ? lastPos(leader.storage) : position;
    return {
      id,
      isMonitor: s.isMonitor,
      up: node.up,
      role: s.role,
      lifecycle: node.up ? s.lifecycle : 'down',
      epoch: s.epoch,
      leaderId: s.leaderId,
      lastPos: position,
      holding: s.isMonitor
        ? null
        : { figure: position, caption: 'log', words: `log position ${position}` },
      lagPositions: leads ? 0 : Math.max(0, leaderLast - position),
      lagMs: leads || leader === undefined ? 0 : msBehind(leader.storage, position, t),
      mode: modeOf(sim, id, s, leader),
      data: { ...s.storage.data },
      chart: s.isMonitor ? `failover: ${chartLabel(s.chart.value)}` : chartLabel(s.chart.value),
      clockSkewMs: node.clockSkewMs,
      depth: depthView(s, node.up, t),
    };
  });
}
