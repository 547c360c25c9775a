import { describe, expect, it } from 'vitest';
import { lifecycleWords, type NodeSummary, nodeAccessibleName } from './nodeLabel';

const node = (over: Partial<NodeSummary>): NodeSummary => ({
  id: 'n1',
  isMonitor: false,
  role: 'follower',
  lifecycle: 'active',
  mode: 'async',
  figure: 12,
  caption: 'log',
  holding: 'log position 12',
  lagPositions: 0,
  epoch: 1,
  depthParts: '',
  depthBadge: '',
  depthTone: '',
  parkedFor: '',
  ...over,
});

describe('nodeAccessibleName', () => {
  it('names id, role, mode, lifecycle, position and lag', () => {
    expect(nodeAccessibleName(node({ lagPositions: 3 }))).toBe(
      'n1, follower, async, up, log position 12, 3 behind',
    );
    expect(nodeAccessibleName(node({ role: 'leader', mode: null }))).toBe(
      'n1, leader, up, log position 12',
    );
    expect(
      nodeAccessibleName(
        node({ id: 'monitor', isMonitor: true, role: 'monitor', mode: null, holding: null }),
      ),
    ).toBe('monitor, monitor, up');
  });

  it('spells statechart names as words', () => {
    expect(lifecycleWords('catchingUp')).toBe('catching up');
    expect(nodeAccessibleName(node({ lifecycle: 'down' }))).toContain(', down,');
  });
});
