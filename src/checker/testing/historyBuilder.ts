/**
 * Hand-written histories for tests: invoke an operation, then complete it, at given times.
 * Entries are appended in call order, which is the history's real-time order.
 */
import type { ClientId, HistoryOp, Value } from '../../engine/types';

export class HistoryBuilder {
  readonly history: HistoryOp[] = [];
  private nextOpId = 1;
  private readonly invoked = new Map<number, HistoryOp>();

  private push(entry: Omit<HistoryOp, 'index' | 'traceId'>): HistoryOp {
    const op: HistoryOp = { ...entry, index: this.history.length, traceId: this.history.length };
    this.history.push(op);
    return op;
  }

  write(process: ClientId, key: string, value: Value, time: number): number {
    return this.invoke(process, 'write', key, value, time);
  }

  read(process: ClientId, key: string, time: number): number {
    return this.invoke(process, 'read', key, null, time);
  }

  private invoke(process: ClientId, f: 'read' | 'write', key: string, value: Value, time: number) {
    const opId = this.nextOpId++;
    this.invoked.set(opId, this.push({ type: 'invoke', process, opId, f, key, value, time }));
    return opId;
  }

  /** Complete an operation; a read's `value` is what it returned. */
  ok(opId: number, time: number, value?: Value, node?: string): this {
    return this.complete(opId, 'ok', time, value, node);
  }

  fail(opId: number, time: number): this {
    return this.complete(opId, 'fail', time);
  }

  info(opId: number, time: number): this {
    return this.complete(opId, 'info', time);
  }

  private complete(
    opId: number,
    type: 'ok' | 'fail' | 'info',
    time: number,
    value?: Value,
    node?: string,
  ): this {
    const inv = this.invoked.get(opId);
    if (inv === undefined) throw new Error(`op ${opId} was never invoked`);
    const result = inv.f === 'read' && type === 'ok' ? (value ?? null) : inv.value;
    this.push({
      type,
      process: inv.process,
      opId,
      f: inv.f,
      key: inv.key,
      value: result,
      time,
      node,
    });
    return this;
  }
}
