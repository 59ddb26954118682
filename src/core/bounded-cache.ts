/**
 * A memo table with a ceiling. Caches that live as long as the process (word
 * cuts, indicator links) would otherwise grow with every distinct string of
 * every document in a batch; a batch of 10,000 plans must run in memory that
 * does not grow with the batch. The oldest entry goes first: names repeat
 * within a document far more than across documents.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    if (this.entries.size >= this.capacity && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
