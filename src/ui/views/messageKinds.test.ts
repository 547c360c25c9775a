import { describe, expect, it } from 'vitest';
import { categoriesFor, categoryOf, MESSAGE_CATEGORIES } from './messageKinds';

describe('categoryOf', () => {
  it('groups the kinds in use', () => {
    expect(categoryOf('write')).toBe('client');
    expect(categoryOf('read')).toBe('client');
    expect(categoryOf('response')).toBe('response');
    expect(categoryOf('catch-up')).toBe('replication');
    expect(categoryOf('ack')).toBe('ack');
    expect(categoryOf('pong')).toBe('heartbeat');
    expect(categoryOf('snapshot-request')).toBe('snapshot');
    expect(categoryOf('position-query')).toBe('control');
    // Cascading relays and peer catch-up carry log entries; a relayed heartbeat is a heartbeat.
    expect(categoryOf('relay')).toBe('replication');
    expect(categoryOf('peer-catch-up')).toBe('replication');
    expect(categoryOf('relay-heartbeat')).toBe('heartbeat');
  });

  it('gives read repair, hinted handoff and anti-entropy their own colours', () => {
    expect(categoryOf('read-repair')).toBe('repair');
    expect(categoryOf('handoff-ack')).toBe('handoff');
    expect(categoryOf('ae-diff')).toBe('anti-entropy');
    expect(categoryOf('put')).toBe('replication');
    expect(categoryOf('get-reply')).toBe('ack');
  });

  it('lists only the categories a protocol sends', () => {
    const leaderless = categoriesFor('leaderless').map((c) => c.category);
    expect(leaderless).toContain('repair');
    expect(leaderless).not.toContain('heartbeat');
    const single = categoriesFor('single-leader').map((c) => c.category);
    expect(single).toContain('heartbeat');
    expect(single).not.toContain('anti-entropy');
  });

  it('draws an unknown kind as control traffic', () => {
    expect(categoryOf('gossip')).toBe('control');
  });

  it('lists every kind once', () => {
    const kinds = MESSAGE_CATEGORIES.flatMap((c) => c.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
