/**
 * A tiny protocol for engine tests: every node stores what clients write to it, answers reads
 * locally, and gossips each write to every other node once. It exercises every engine path
 * (messages, timers, clients, crash/restart) without any replication logic of its own.
 */
import type { Protocol } from '../protocol';
import type { NodeId, Value } from '../types';

export interface EchoNode {
  data: Record<string, Value>;
  ticks: number;
}

export const echoProtocol: Protocol<{ tickMs: number }, EchoNode, { home: NodeId }> = {
  name: 'echo',
  initNode: () => ({ data: {}, ticks: 0 }),
  initClient: (_id, _cfg, nodeIds) => ({ home: nodeIds[0] as NodeId }),
  onStart(ctx) {
    ctx.setTimer('tick', ctx.config.tickMs);
  },
  onMessage(ctx, msg) {
    const { key, value } = msg.payload as { key: string; value: Value };
    ctx.state.data[key] = value;
  },
  onTimer(ctx) {
    ctx.state.ticks++;
    ctx.setTimer('tick', ctx.config.tickMs);
  },
  onClientRequest(ctx, req) {
    if (req.f === 'write') {
      ctx.state.data[req.key] = req.value;
      for (const id of ctx.nodeIds) if (id !== ctx.self) ctx.send(id, 'replicate', req);
      ctx.reply(req, { type: 'ok' });
    } else {
      ctx.reply(req, { type: 'ok', value: ctx.state.data[req.key] ?? null });
    }
  },
  onCrash: (state) => ({ data: state.data, ticks: 0 }),
  onRestart(ctx) {
    ctx.setTimer('tick', ctx.config.tickMs);
  },
  routeClientOp: (client) => client.home,
  onClientResult() {},
  onClientTimeout() {},
};
