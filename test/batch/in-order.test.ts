/** Turns are ready in the order they were handed out, however their work finishes. */
import { describe, expect, it } from 'vitest';
import { InOrder } from '../../src/batch/in-order.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('InOrder', () => {
  it.each([
    { name: 'work finishing in reverse order', finish: [3, 2, 1, 0] },
    { name: 'work finishing in input order', finish: [0, 1, 2, 3] },
    { name: 'work finishing out of order', finish: [2, 0, 3, 1] },
  ])('stores in input order with $name', async ({ finish }) => {
    const order = new InOrder();
    const stored: number[] = [];
    const turns = finish.map(() => order.next());
    const done = finish.map((_, i) => {
      let go!: () => void;
      const finished = new Promise<void>((resolve) => (go = resolve));
      const work = (async () => {
        await finished;
        await turns[i]!.ready;
        stored.push(i);
        turns[i]!.end();
      })();
      return { go, work };
    });
    for (const i of finish) {
      done[i]!.go();
      await tick();
    }
    await Promise.all(done.map((d) => d.work));
    expect(stored).toEqual([0, 1, 2, 3]);
  });

  it('a turn ended early (a file that failed) does not let a later one pass an earlier one still working', async () => {
    const order = new InOrder();
    const [first, second, third] = [order.next(), order.next(), order.next()];
    second.end();
    let thirdReady = false;
    void third.ready.then(() => (thirdReady = true));
    await tick();
    expect(thirdReady).toBe(false);
    first.end();
    await tick();
    expect(thirdReady).toBe(true);
  });
});
