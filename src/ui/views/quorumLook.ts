/**
 * How a replica's part in the pictured quorum (see store/families/leaderlessQuorum.ts) shows on
 * its mark: a ring per quorum it is in, a pill, and words for its accessible name.
 */
import type { QuorumRole } from '../../store/families/leaderlessQuorum';

const WORDS: Record<NonNullable<QuorumRole>, string> = {
  write: 'acknowledged the write',
  read: 'answered the read',
  both: 'acknowledged the write and answered the read',
};

const PILLS: Record<NonNullable<QuorumRole>, string> = {
  write: 'in w',
  read: 'in r',
  both: 'in w and r',
};

/** Words for the node's accessible name ('' when it has no part). */
export function quorumWords(role: QuorumRole): string {
  return role === null ? '' : WORDS[role];
}

/** The pill on the node's mark (null when it has no part). */
export function quorumPill(role: QuorumRole): { text: string; tone: string } | null {
  return role === null ? null : { text: PILLS[role], tone: `quorum-${role}` };
}

/** A hint chip naming the home replicas a stand-in holds writes for. */
export function parkedPill(parkedFor: string): { text: string; tone: string } | null {
  return parkedFor === '' ? null : { text: `hint → ${parkedFor}`, tone: 'hint' };
}
