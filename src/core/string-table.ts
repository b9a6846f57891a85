// A string → dense id table over typed arrays (open addressing, linear probing). It answers for a
// string or for a range of a larger text without slicing it, and each lookup touches two or three
// cache lines where a Map of strings touches four or five: on the hot paths of the text layer (a
// lookup per token, several per new word) that difference is most of the running time.

/** FNV-1a over UTF-16 code units: the hash the tokenizer computes as it scans a word. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export function hashRange(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

// Per slot, four Int32 cells side by side (a cache line holds four slots): the hash, the string's
// offset in the character pool, its length and its id; length 0 marks an empty slot, so the empty
// string is never stored.
const HASH = 0;
const OFFSET = 1;
const LENGTH = 2;
const ID = 3;
const CELLS = 4;

/** Folds the high bits into the low ones that pick the slot. */
const spread = (hash: number) => hash ^ (hash >>> 15);

export class StringTable {
  private slots: Int32Array;
  private capacity: number;
  private chars: Uint16Array;
  private charsUsed = 0;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.capacity = capacity;
    this.slots = new Int32Array(capacity * CELLS);
    this.chars = new Uint16Array(Math.max(64, expected * 8));
  }

  get size(): number {
    return this.count;
  }

  /** The id of `text.slice(start, end)` given its FNV-1a `hash`, or -1. */
  getRange(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    if (length === 0) return -1;
    const mask = this.capacity - 1;
    for (let slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      const cell = slot * CELLS;
      const stored = this.slots[cell + LENGTH]!;
      if (stored === 0) return -1;
      if (
        stored === length &&
        this.slots[cell + HASH] === hash &&
        this.sameChars(this.slots[cell + OFFSET]!, text, start, length)
      )
        return this.slots[cell + ID]!;
    }
  }

  addRange(text: string, start: number, end: number, hash: number): number {
    const found = this.getRange(text, start, end, hash);
    if (found >= 0) return found;
    if (end === start) throw new RangeError('StringTable cannot hold the empty string');
    if ((this.count + 1) * 2 > this.capacity) this.grow();
    const length = end - start;
    if (this.charsUsed + length > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, this.charsUsed + length));
      chars.set(this.chars);
      this.chars = chars;
    }
    const offset = this.charsUsed;
    for (let i = 0; i < length; i++) this.chars[offset + i] = text.charCodeAt(start + i);
    this.charsUsed += length;
    const id = this.count++;
    this.place(hash, offset, length, id);
    return id;
  }

  private sameChars(offset: number, text: string, start: number, length: number): boolean {
    for (let i = 0; i < length; i++) if (this.chars[offset + i] !== text.charCodeAt(start + i)) return false;
    return true;
  }

  private place(hash: number, offset: number, length: number, id: number): void {
    const mask = this.capacity - 1;
    let slot = spread(hash) & mask;
    while (this.slots[slot * CELLS + LENGTH] !== 0) slot = (slot + 1) & mask;
    const cell = slot * CELLS;
    this.slots[cell + HASH] = hash;
    this.slots[cell + OFFSET] = offset;
    this.slots[cell + LENGTH] = length;
    this.slots[cell + ID] = id;
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = new Int32Array(this.capacity * CELLS);
    for (let cell = 0; cell < old.length; cell += CELLS) {
      if (old[cell + LENGTH] !== 0)
        this.place(old[cell + HASH]!, old[cell + OFFSET]!, old[cell + LENGTH]!, old[cell + ID]!);
    }
  }
}
