import { describe, expect, it } from 'vitest';
import { hoverChange } from './sharedHover';

const message = { kind: 'message' as const, id: '4' };
const node = { kind: 'node' as const, id: 'n2' };

describe('hoverChange', () => {
  it('shares what the pointer is on, once', () => {
    expect(hoverChange(null, null, message)).toEqual(message);
    expect(hoverChange({ ...message }, message, message)).toBeUndefined();
    expect(hoverChange(message, message, node)).toEqual(node);
  });

  it('clears its own hover when the pointer leaves, and never another view’s', () => {
    expect(hoverChange(message, message, null)).toBeNull();
    expect(hoverChange(node, message, null)).toBeUndefined();
    expect(hoverChange(node, null, null)).toBeUndefined();
  });
});
