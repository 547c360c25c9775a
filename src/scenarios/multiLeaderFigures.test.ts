/**
 * The multi-leader built-ins end with the values the chapter's figures and use cases describe,
 * on every node, for any seed (the metrics in their `expect` cannot name values).
 */
import { describe, expect, it } from 'vitest';
import type { Value } from '../engine/types';
import { multiLeaderReplicaViews } from '../protocols/multi-leader/outcome';
import { findAnyBuiltin } from './builtin';
import { runMultiLeaderScenario } from './multiLeaderRun';
import { isMultiLeader } from './multiLeaderSchema';

const SEEDS = [1, 2, 3, 5, 8, 13];

/** Node → the value of `key` at the end of the built-in's run. */
function finalValues(id: string, seed: number, key: string): Record<string, Value> {
  const scenario = findAnyBuiltin(id);
  if (scenario === undefined || !isMultiLeader(scenario)) throw new Error(`${id} missing`);
  const views = multiLeaderReplicaViews(runMultiLeaderScenario(scenario, seed));
  return Object.fromEntries(Object.entries(views).map(([n, v]) => [n, v.data[key]?.value ?? null]));
}

describe('multi-leader figures and use cases', () => {
  it.each(SEEDS)('figure 5-7 merged: both leaders read "B/C" (seed %i)', (seed) => {
    expect(finalValues('ml-wiki-title-merge', seed, 'page.123.title')).toEqual({
      leader1: 'B/C',
      leader2: 'B/C',
    });
  });

  it.each(SEEDS)('figure 5-9: without version vectors leader 2 keeps x = 1 (seed %i)', (seed) => {
    expect(finalValues('ml-update-overtakes-insert', seed, 'x')).toEqual({
      leader1: 2,
      leader2: 1,
      leader3: 2,
    });
    expect(finalValues('ml-update-overtakes-insert-cured', seed, 'x')).toEqual({
      leader1: 2,
      leader2: 2,
      leader3: 2,
    });
  });

  it.each(SEEDS)('the calendar ends with the user’s resolution everywhere (seed %i)', (seed) => {
    const values = Object.values(finalValues('ml-offline-calendar', seed, 'meeting.standup'));
    expect(values).toEqual(['Wed 11:00', 'Wed 11:00']);
  });

  it.each(SEEDS)('the typists’ runs stay whole and every copy agrees (seed %i)', (seed) => {
    const values = Object.values(finalValues('ml-collaborative-editing', seed, 'doc'));
    const text = String(values[0]);
    expect(new Set(values).size).toBe(1);
    expect(text.startsWith('Oh, ello')).toBe(true);
    expect(text).toContain(', Bob');
    expect(text).toContain(' world');
    expect(text).not.toContain('H');
    expect(text.length).toBe('Oh, ello, Bob world'.length);
  });

  it.each(SEEDS)('each chat room holds every message, in one order (seed %i)', (seed) => {
    const general = Object.values(finalValues('ml-chat-rooms', seed, 'room.general'));
    expect(new Set(general).size).toBe(1);
    const messages = JSON.parse(String(general[0])) as string[];
    expect(messages[0]).toBe('ana: morning all');
    expect([...messages].sort()).toEqual(
      ['ana: morning all', 'ben: hey', 'cy: hi ana', 'dee: hello!'].sort(),
    );
  });

  it.each(SEEDS)('the OR-set keeps the re-added milk and drops the eggs (seed %i)', (seed) => {
    for (const v of Object.values(finalValues('ml-crdt-set', seed, 'list')))
      expect(v).toBe('["flour","milk"]');
  });

  it.each(SEEDS)('the counter adds up both sides of the partition (seed %i)', (seed) => {
    for (const v of Object.values(finalValues('ml-crdt-counter', seed, 'post.1.likes')))
      expect(v).toBe(3);
  });
});
