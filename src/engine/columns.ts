/**
 * Storage for the append-only logs (`messageLog.ts`, `traceLog.ts`): rows go into fixed-size
 * chunks, each chunk a set of typed-array columns. A long run logs millions of rows.
 *
 * Chunks, not one array per column grown by copying, because every growth copied the whole
 * column into a fresh one several times its size, and V8 counts each fresh array as external
 * memory the moment it exists, written or not: at a million rows the reserve alone started a full
 * collection in the middle of a run. A chunk is allocated when its first row is written, so the
 * room a log takes is within one chunk of what it holds, and appending never copies.
 */

/** Rows per chunk, as a power of two: row `i` is row `i & CHUNK_MASK` of chunk `i >> CHUNK_BITS`. */
export const CHUNK_BITS = 13;
export const CHUNK_ROWS = 1 << CHUNK_BITS;
export const CHUNK_MASK = CHUNK_ROWS - 1;

/** A log stored in chunks of type `C`; `tail` is the chunk the last row went into. */
export interface ChunkedLog<C> {
  count: number;
  chunks: C[];
  tail: C;
}

/** The chunk holding row `i` (which the log has). */
export function chunkOf<C>(log: ChunkedLog<C>, i: number): C {
  return log.chunks[i >> CHUNK_BITS] as C;
}

/**
 * The chunk for row `i`, which starts a chunk (`i & CHUNK_MASK` is 0): the one kept from
 * before a truncation, or a new one. It becomes the log's tail.
 */
export function startChunk<C>(log: ChunkedLog<C>, i: number, newChunk: () => C): C {
  let chunk = log.chunks[i >> CHUNK_BITS];
  if (chunk === undefined) {
    chunk = newChunk();
    log.chunks.push(chunk);
  }
  log.tail = chunk;
  return chunk;
}

/** Keep the first `count` rows (restoring a checkpoint); chunks past them are let go. */
export function truncateChunks<C>(log: ChunkedLog<C>, count: number): void {
  if (count >= log.count) return;
  log.count = count;
  log.chunks.length = (count + CHUNK_MASK) >> CHUNK_BITS;
  // The next row continues the chunk `count` falls in; one that starts a chunk finds it itself.
  if ((count & CHUNK_MASK) !== 0) log.tail = log.chunks[count >> CHUNK_BITS] as C;
}
