import { describe, expect, it } from 'vitest';
import { MAX_SEED, parseSeed } from './seed';

describe('parseSeed', () => {
  it('accepts whole numbers from 0 to the largest 32-bit seed, ignoring spaces', () => {
    expect(parseSeed('0')).toEqual({ ok: true, seed: 0 });
    expect(parseSeed(' 42 ')).toEqual({ ok: true, seed: 42 });
    expect(parseSeed(String(MAX_SEED))).toEqual({ ok: true, seed: MAX_SEED });
  });

  it.each(['', '  ', '-1', '1.5', '1e3', '0x10', 'abc', String(MAX_SEED + 1)])(
    'rejects %j with a message naming the field',
    (text) => {
      const result = parseSeed(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^Seed /);
    },
  );

  it('echoes long input shortened', () => {
    const result = parseSeed('x'.repeat(100));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(120);
  });
});
