/**
 * An in-process cache that holds one value per key (an article), valid for one version of it
 * (a stamp read from the database, e.g. its revision and work version). Nothing is ever
 * invalidated by hand: a reader that finds a different version loads afresh and replaces the
 * entry, so every app instance stays correct as long as the version comes from the database.
 *
 * Concurrent misses for the same key and version share one load. A failed load is forgotten,
 * so the next reader tries again. The least recently used keys are dropped beyond `maxEntries`
 * or once the summed `weigh` of the values passes `maxWeight`.
 */
export class VersionedCache<V> {
  readonly #entries = new Map<string, { version: string; value: Promise<V>; weight: number }>();
  readonly #maxEntries: number;
  readonly #maxWeight: number;
  readonly #weigh: (value: V) => number;
  #weight = 0;

  constructor({ maxEntries, maxWeight = Infinity, weigh = () => 1 }: { maxEntries: number; maxWeight?: number; weigh?: (value: V) => number }) {
    this.#maxEntries = maxEntries;
    this.#maxWeight = maxWeight;
    this.#weigh = weigh;
  }

  /** The value of `key` at `version`: the cached one if it was loaded for that version, else `load()`'s (then cached). */
  get(key: string, version: string, load: () => Promise<V>): Promise<V> {
    const entry = this.#entries.get(key);
    if (entry && entry.version === version) {
      // Most recently used last: Map keeps insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.value;
    }
    if (entry) this.#remove(key);
    const value = load();
    const fresh = { version, value, weight: 0 };
    this.#entries.set(key, fresh);
    value.then(
      (loaded) => {
        if (this.#entries.get(key) !== fresh) return;
        fresh.weight = this.#weigh(loaded);
        this.#weight += fresh.weight;
        this.#trim();
      },
      () => {
        if (this.#entries.get(key) === fresh) this.#remove(key);
      },
    );
    this.#trim();
    return value;
  }

  /**
   * The value held for `key` at `version` (loaded, or still loading; now the most recently used),
   * without loading anything: undefined when there is none at that version. What a caller that may
   * only answer from memory asks.
   */
  peek(key: string, version: string): Promise<V> | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** How many keys are held (for tests and diagnostics). */
  get size(): number {
    return this.#entries.size;
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#weight -= entry.weight;
    this.#entries.delete(key);
  }

  #trim(): void {
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries && this.#weight <= this.#maxWeight) return;
      // Never drop the only entry: a value heavier than the budget is still worth keeping once.
      if (this.#entries.size === 1) return;
      this.#remove(key);
    }
  }
}
