/**
 * Turns taken in the order they were handed out: turn n is ready once every
 * earlier turn has ended, whichever finishes its work first. The batch stores
 * documents in input order with it, so document ids, plan grouping and the
 * primary rendering do not depend on which worker thread was quicker.
 */
export interface Turn {
  /** Resolves when every earlier turn has ended. */
  ready: Promise<void>;
  /** Ends this turn; may be called before `ready` (a file that failed early): later turns still wait for the earlier ones. */
  end(): void;
}

export class InOrder {
  private tail: Promise<void> = Promise.resolve();

  next(): Turn {
    const ready = this.tail;
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.tail = ready.then(() => ended);
    return { ready, end };
  }
}
