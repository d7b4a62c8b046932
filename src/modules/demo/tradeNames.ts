import type { Message } from '../../domain/message.js';
import { Permutation, type Random } from './random.js';
import { BLOCKED_TRADE_PAIRS, TRADE_CHARACTERS } from './vocabulary.js';

/**
 * Trade names (字号), one per generated organization and never twice: names of organizations and
 * of the records hung on them contain it, so they are unique by construction, without a set of
 * every name taken (which the 100× registry could not afford). Two characters first; three once
 * the two-character names run out.
 */
export class TradeNames {
  private readonly chars = TRADE_CHARACTERS.length;
  private readonly twoCharacter: Permutation;
  private readonly threeCharacter: Permutation;
  private counter = 0;

  constructor(rng: Random) {
    const pairs = this.chars * (this.chars - 1);
    this.twoCharacter = new Permutation(pairs, rng);
    this.threeCharacter = new Permutation(pairs * (this.chars - 1), rng);
  }

  /** The next unused trade-name number. */
  next(): number {
    for (;;) {
      const n = this.counter++;
      if (!isBlocked(this.characters(n))) return n;
    }
  }

  /** Character indices of trade-name number `n`. */
  characters(n: number): number[] {
    const pairs = this.twoCharacter.size;
    if (n < pairs) return this.pair(this.twoCharacter.at(n));
    if (n - pairs >= this.threeCharacter.size) throw new Error('demo generator: trade names exhausted');
    const k = this.threeCharacter.at(n - pairs);
    const [first, second] = this.pair(k % pairs) as [number, number];
    return [first, second, this.other(Math.floor(k / pairs), second)];
  }

  name(n: number): Message {
    return spell(this.characters(n));
  }

  /** Pair number → two different characters. */
  private pair(k: number): number[] {
    const first = Math.floor(k / (this.chars - 1));
    return [first, this.other(k % (this.chars - 1), first)];
  }

  /** The `k`-th character other than `not`. */
  private other(k: number, not: number): number {
    return k >= not ? k + 1 : k;
  }
}

function isBlocked(characters: number[]): boolean {
  for (let i = 1; i < characters.length; i++) {
    if (BLOCKED_TRADE_PAIRS.has(`${zhOf(characters[i - 1])}${zhOf(characters[i])}`)) return true;
  }
  return false;
}

const zhOf = (i: number | undefined) => TRADE_CHARACTERS[i ?? 0]?.[0] ?? '';

/** Chinese characters and pinyin; a syllable starting with a, e or o after another takes an apostrophe (Jiu’an). */
function spell(characters: number[]): Message {
  let zh = '';
  let en = '';
  for (const i of characters) {
    const [c, syllable] = TRADE_CHARACTERS[i] ?? ['', ''];
    zh += c;
    en += en === '' ? syllable.charAt(0).toUpperCase() + syllable.slice(1) : /^[aeo]/.test(syllable) ? `’${syllable}` : syllable;
  }
  return { zh, en };
}
