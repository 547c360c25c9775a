import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFactor, parseRequired, parseWholeMs } from './parseField';

describe('parsing typed fault values', () => {
  it('accepts every whole number in range, as typed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -60_000, max: 60_000 }), (n) => {
        expect(parseWholeMs('Clock skew (ms)', ` ${n} `, -60_000, 60_000)).toEqual({
          ok: true,
          value: n,
        });
      }),
    );
  });

  it('names the field and quotes the entry when it is not a whole number', () => {
    for (const text of ['abc', '1.5', '12ms', '1e3', '--4']) {
      const parsed = parseWholeMs('Base latency (ms)', text, 0, 60_000);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.message).toContain('Base latency (ms)');
        expect(parsed.message).toContain(`"${text}"`);
      }
    }
    expect(parseWholeMs('Jitter (ms)', '   ', 0, 10)).toEqual({
      ok: false,
      message: 'Jitter (ms) is empty: type a number of ms.',
    });
  });

  it('refuses numbers out of range, saying the range', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1e9, max: -60_001 }), fc.integer({ min: 60_001, max: 1e9 })),
        (n) => {
          const parsed = parseWholeMs('Clock skew (ms)', String(n), -60_000, 60_000);
          expect(parsed).toEqual({
            ok: false,
            message: `Clock skew (ms) must be between -60000 and 60000 ms; ${n} is out of range.`,
          });
        },
      ),
    );
  });

  it('reads factors and required text', () => {
    expect(parseFactor('Spike factor', '2.5', 1, 100)).toEqual({ ok: true, value: 2.5 });
    expect(parseFactor('Spike factor', 'x', 1, 100).ok).toBe(false);
    expect(parseFactor('Spike factor', '0.5', 1, 100).ok).toBe(false);
    expect(parseRequired('Key', ' ', 'the key').ok).toBe(false);
    expect(parseRequired('Key', 'cart', 'the key')).toEqual({ ok: true, value: 'cart' });
  });
});
