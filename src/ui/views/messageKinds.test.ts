import { describe, expect, it } from 'vitest';
import { categoryOf, MESSAGE_CATEGORIES } from './messageKinds';

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

  it('draws an unknown kind as control traffic', () => {
    expect(categoryOf('gossip')).toBe('control');
  });

  it('lists every kind once', () => {
    const kinds = MESSAGE_CATEGORIES.flatMap((c) => c.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
