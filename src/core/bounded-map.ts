// A memo table that starts afresh past a size limit: tables keyed by the words of news grow with every
// new name, and a long run over many corpora must stay within bounded memory.

export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
