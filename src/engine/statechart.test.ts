import { expect, it } from 'vitest';
import { assign, raise, setup } from 'xstate';
import { chartLabel, chartMatches, sendChart, startChart } from './statechart';

const machine = setup({
  types: { context: {} as { n: number }, events: {} as { type: 'GO' } | { type: 'BACK' } },
  actions: { announce: (_: unknown, _p: { n: number }) => {} },
}).createMachine({
  context: { n: 0 },
  initial: 'idle',
  states: {
    idle: {
      on: { GO: { target: 'busy', actions: assign({ n: ({ context }) => context.n + 1 }) } },
    },
    busy: {
      entry: [
        { type: 'announce', params: ({ context }) => ({ n: context.n }) },
        raise({ type: 'BACK' }, { delay: 250, id: 'back-later' }),
      ],
      on: { BACK: 'idle' },
    },
  },
});

it('advances a persisted chart and returns delayed events as timers', () => {
  const start = startChart(machine);
  expect(start.snapshot.value).toBe('idle');
  const busy = sendChart(machine, JSON.parse(JSON.stringify(start.snapshot)), { type: 'GO' });
  expect(busy.snapshot.value).toBe('busy');
  expect(busy.snapshot.context).toEqual({ n: 1 });
  expect(busy.actions).toEqual([
    { type: 'announce', params: { n: 1 } },
    { type: 'timer', id: 'back-later', delayMs: 250, event: { type: 'BACK' } },
  ]);
  const back = sendChart(machine, busy.snapshot, { type: 'BACK' });
  expect(back.snapshot.value).toBe('idle');
});

it('labels and matches nested state values', () => {
  const value = { lifecycle: 'active', role: 'leader' };
  expect(chartLabel(value)).toBe('lifecycle: active, role: leader');
  expect(chartLabel('watching')).toBe('watching');
  expect(chartMatches(value, 'role.leader')).toBe(true);
  expect(chartMatches(value, 'role.follower')).toBe(false);
});
