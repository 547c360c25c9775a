/** The quorum rule in words: whether every read quorum must share a replica with every write's. */
import type { Value } from '../../../engine/types';
import type { QuorumPicture } from '../../../store/families/leaderlessQuorum';

export function overlapSentence(q: {
  n: number;
  w: number;
  r: number;
  sloppyQuorum?: boolean;
}): string {
  if (q.w + q.r > q.n) {
    const sloppy = q.sloppyQuorum
      ? ' But with a sloppy quorum, stand-ins outside the n home replicas may count, so a read can still miss the write.'
      : '';
    return `w + r > n (${q.w} + ${q.r} > ${q.n}): every read quorum overlaps every write quorum, so a read hears from at least one replica that took the latest acknowledged write.${sloppy}`;
  }
  return `w + r ≤ n (${q.w} + ${q.r} ≤ ${q.n}): a read quorum can miss every replica that took the latest write, so reads may return stale values.`;
}

/** The field a `field: message` problem names (`n`, `w`, `r`, `antiEntropyIntervalMs`). */
export function problemField(problem: string): string {
  const colon = problem.indexOf(':');
  return colon < 0 ? '' : problem.slice(0, colon);
}

/** The pictured operation in sentences: who took the write, who answered the read, who did both. */
export function quorumPictureLines(
  p: QuorumPicture,
  q: { w: number; r: number },
  valueText: (v: Value) => string,
): string[] {
  const names = (nodes: readonly string[]) =>
    nodes.length === 0 ? 'no replica' : nodes.join(', ');
  const lines: string[] = [];
  if (p.write === null) {
    lines.push(`No write of ${p.key} was acknowledged before this read began.`);
  } else {
    const { write } = p;
    const what = `Write ${p.key} = ${valueText(write.value)} by ${write.client}`;
    if (write.outcome === 'invoke')
      lines.push(`${what}: waiting for ${q.w} acknowledgements (w); so far ${names(write.nodes)}.`);
    else if (write.outcome === 'info') lines.push(`${what}: the client gave up waiting.`);
    else
      lines.push(
        `${what}${write.outcome === 'fail' ? ' failed' : ''}: acknowledged by ${names(write.nodes)} (w = ${q.w}).`,
      );
  }
  if (p.read === null) {
    lines.push(`No read of ${p.key} began after this write was acknowledged.`);
  } else {
    const { read } = p;
    if (read.outcome === 'ok') {
      lines.push(
        `Read by ${read.client} → ${valueText(read.value)}: answered by ${names(read.nodes)} (r = ${q.r}).`,
      );
    } else {
      const why =
        read.outcome === 'invoke'
          ? `waiting for ${q.r} replies (r); so far ${names(read.nodes)}`
          : read.outcome === 'fail'
            ? `failed, fewer than ${q.r} replies (r)`
            : 'the client gave up waiting';
      lines.push(`Read of ${p.key} by ${read.client}: ${why}.`);
    }
  }
  if (p.write !== null && p.read?.outcome === 'ok' && p.write.nodes.length > 0) {
    lines.push(
      p.overlap.length > 0
        ? `In both quorums: ${p.overlap.join(', ')}, so the read heard from a replica with the write.`
        : 'In both quorums: none. The read heard from no replica that acknowledged the write.',
    );
  }
  return lines;
}
