// References made from a counter, so the SQLite store needs no index of random references.
import {REFERENCE_ALPHABET} from './reference.js';

/** How many references there are: 26 symbols, 8 of them. */
const SPACE = REFERENCE_ALPHABET.length ** 8;
/** A Feistel network works on two equal halves; 2 × 19 bits covers SPACE (about 2^37.6). */
const HALF_BITS = 19;
const HALF = 2 ** HALF_BITS;
const HALF_MASK = HALF - 1;
const ROUNDS = 6;

export interface ReferenceCipher {
  /** The reference of the n-th submission (n from 1): unique for every n, and no clue to n. */
  encode(n: number): string;
  /** The n a reference was made from, or undefined for text that is not a reference. */
  decode(reference: string): number | undefined;
}

/**
 * A keyed shuffle of every possible reference. A random reference needs a unique index, and every
 * new one lands on a random page of that index: the biggest cost of storing a submission. Shuffling
 * a counter instead gives each submission its own reference by construction (a shuffle never gives
 * two numbers the same place), and finding one is the shuffle run backwards, straight to the row.
 *
 * The shuffle is a six-round Feistel network over 38 bits, stepping again ("cycle walking") when it
 * lands past the last reference. The key is random per database, so references do not show how
 * many submissions came before. They are not secrets: reading a submission always needs a token.
 */
export function referenceCipher(keyHex: string): ReferenceCipher {
  if (!/^[0-9a-f]{48}$/i.test(keyHex)) throw new Error('a reference key is 24 bytes of hex');
  const keys = Array.from({length: ROUNDS}, (_, i) => parseInt(keyHex.slice(i * 8, i * 8 + 8), 16));
  const round = (half: number, key: number) => mix(half ^ key) & HALF_MASK;

  const forward = (x: number) => {
    let left = Math.floor(x / HALF);
    let right = x & HALF_MASK;
    for (let i = 0; i < ROUNDS; i++) [left, right] = [right, left ^ round(right, keys[i]!)];
    return left * HALF + right;
  };
  const backward = (y: number) => {
    let left = Math.floor(y / HALF);
    let right = y & HALF_MASK;
    for (let i = ROUNDS - 1; i >= 0; i--) [left, right] = [right ^ round(left, keys[i]!), left];
    return left * HALF + right;
  };

  return {
    encode(n) {
      if (!Number.isSafeInteger(n) || n < 1 || n >= SPACE)
        throw new RangeError('no reference left');
      let shuffled = forward(n);
      while (shuffled >= SPACE) shuffled = forward(shuffled);
      return format(shuffled);
    },
    decode(reference) {
      const shuffled = parse(reference);
      if (shuffled === undefined) return undefined;
      let n = backward(shuffled);
      while (n >= SPACE) n = backward(n);
      return n;
    },
  };
}

/** A 32-bit integer hash with good mixing (lowbias32, by Chris Wellons). */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function format(n: number): string {
  let symbols = '';
  for (let i = 0; i < 8; i++) {
    symbols = REFERENCE_ALPHABET[n % REFERENCE_ALPHABET.length] + symbols;
    n = Math.floor(n / REFERENCE_ALPHABET.length);
  }
  return `CF-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

function parse(reference: string): number | undefined {
  if (reference.length !== 12 || !reference.startsWith('CF-') || reference[7] !== '-')
    return undefined;
  let n = 0;
  for (const symbol of reference.slice(3, 7) + reference.slice(8)) {
    const digit = REFERENCE_ALPHABET.indexOf(symbol);
    if (digit < 0) return undefined;
    n = n * REFERENCE_ALPHABET.length + digit;
  }
  return n;
}
