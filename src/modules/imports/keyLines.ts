/**
 * The line where each natural key of a file was first seen, in 16 bytes a key whatever its length:
 * a Map of a million institution keys (credit code + Chinese name) holds about 165 MB, this table
 * 23–46 MB. A key is kept as a 96-bit fingerprint (two independent 32-bit multiply-xor hashes and
 * FNV-1a) instead of its text, so two different keys are taken for one only if all 96 bits agree:
 * for 10 million keys the chance that any pair does is about 6 × 10⁻¹⁶ (n² / 2⁹⁷) — far below
 * that of a memory bit flip during the import.
 */

const EMPTY = 0;
const SLOT = 4; // h1, h2, h3, line
const MAX_LOAD = 0.7;

/** Three 32-bit hashes of the key's UTF-16 code units. */
function fingerprint(key: string, out: Int32Array): void {
  let a = 0xdeadbeef;
  let b = 0x41c6ce57;
  let c = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    a = Math.imul(a ^ ch, 2654435761);
    b = Math.imul(b ^ ch, 1597334677);
    c = Math.imul(c ^ ch, 16777619);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  c = Math.imul(c ^ (c >>> 15), 0x2c1b3c6d) ^ key.length;
  out[0] = a;
  out[1] = b;
  out[2] = c;
}

export class KeyLines {
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  private readonly probe = new Int32Array(3);

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.slots = new Int32Array(capacity * SLOT);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The line `key` was first seen on; if it is new, records `line` (≥ 1) for it and returns null. */
  firstLineOrAdd(key: string, line: number): number | null {
    const { probe, slots } = this;
    fingerprint(key, probe);
    const a = probe[0]!;
    const b = probe[1]!;
    const c = probe[2]!;
    for (let i = a & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * SLOT;
      const seen = slots[at + 3]!;
      if (seen === EMPTY) {
        slots[at] = a;
        slots[at + 1] = b;
        slots[at + 2] = c;
        slots[at + 3] = line;
        if (++this.count > this.mask * MAX_LOAD) this.grow();
        return null;
      }
      if (slots[at] === a && slots[at + 1] === b && slots[at + 2] === c) return seen;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 3] === EMPTY) continue;
      let i = old[at]! & this.mask;
      while (this.slots[i * SLOT + 3] !== EMPTY) i = (i + 1) & this.mask;
      this.slots.set(old.subarray(at, at + SLOT), i * SLOT);
    }
  }
}
