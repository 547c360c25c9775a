import { describe, expect, it } from 'vitest';
import { parkedPill, quorumPill, quorumWords } from './quorumLook';

describe('quorum looks', () => {
  it('names a replica’s part in each quorum, and nothing when it has none', () => {
    expect(quorumWords('both')).toBe('acknowledged the write and answered the read');
    expect(quorumWords(null)).toBe('');
    expect(quorumPill('write')).toEqual({ text: 'in w', tone: 'quorum-write' });
    expect(quorumPill(null)).toBeNull();
  });

  it('chips a stand-in with the home replicas it holds writes for', () => {
    expect(parkedPill('n3, n4')?.text).toBe('hint → n3, n4');
    expect(parkedPill('')).toBeNull();
  });
});
