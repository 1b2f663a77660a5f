/**
 * Which values fuse.js's bitap search could match at all, found far faster than the search.
 *
 * fuse.js searches a pattern in pieces of at most 32 UTF-16 code units (a longer pattern in
 * several, the last ending the pattern) and matches a value when a piece is found in it with e
 * edits, e / piece length within the threshold; how far into the value it is found only adds to
 * that. Its search costs about the same whether or not it matches (30 to 60 µs for a 37-letter
 * query against one long name, over 100 µs against Hangul), and most values of a query's
 * candidates do not match. The fewest edits that turn a piece into some part of a value bound e
 * from below, and Myers's bit-vector algorithm finds them in one pass over the value. A value
 * ruled out here is one fuse.js would not match: scores stay fuse.js's own.
 */

/** fuse.js's bitap search takes a pattern at most this long; longer ones in pieces this long. */
const BITAP_BITS = 32;

/** The pieces fuse.js searches `pattern` in (its BitapSearch's chunks). */
function bitapPieces(pattern: string): string[] {
  if (pattern.length <= BITAP_BITS) return [pattern];
  const pieces: string[] = [];
  const whole = pattern.length - (pattern.length % BITAP_BITS);
  for (let i = 0; i < whole; i += BITAP_BITS) pieces.push(pattern.slice(i, i + BITAP_BITS));
  if (whole < pattern.length) pieces.push(pattern.slice(-BITAP_BITS));
  return pieces;
}

/** Per UTF-16 code unit, the bits of the piece's positions holding it; scratch, cleared after each piece. */
const positions = new Int32Array(0x10000);

/**
 * Whether some part of `text` is at most `most` edits from the piece whose positions are set
 * (Myers 1999, searching: the distance may start anywhere in the text). Bitwise operators work on
 * 32 bits, which is why fuse.js's pieces, and these, are at most 32 long.
 */
function withinEdits(length: number, text: string, most: number): boolean {
  const high = 1 << (length - 1);
  let plus = -1;
  let minus = 0;
  let edits = length;
  if (edits <= most) return true;
  for (let j = 0; j < text.length; j++) {
    const equal = positions[text.charCodeAt(j)] ?? 0;
    const vertical = equal | minus;
    const horizontal = (((equal & plus) + plus) ^ plus) | equal;
    let up = minus | ~(horizontal | plus);
    let down = plus & horizontal;
    if (up & high) edits++;
    else if (down & high) edits--;
    if (edits <= most) return true;
    up <<= 1;
    down <<= 1;
    plus = down | ~(vertical | up);
    minus = up & vertical;
  }
  return false;
}

/** The positions in `values` of those fuse.js could match `pattern` in at `threshold`. */
export function valuesFuseMayMatch(pattern: string, values: readonly string[], threshold: number): number[] {
  const may = new Uint8Array(values.length);
  for (const piece of bitapPieces(pattern)) {
    for (let i = 0; i < piece.length; i++) {
      const code = piece.charCodeAt(i);
      positions[code] = (positions[code] ?? 0) | (1 << i);
    }
    // fuse.js compares errors / length with the threshold: the most edits that can pass.
    let most = 0;
    while ((most + 1) / piece.length <= threshold) most++;
    for (let at = 0; at < values.length; at++) {
      const value = values[at] ?? '';
      if (may[at] === 0 && value.length >= piece.length - most && withinEdits(piece.length, value, most))
        may[at] = 1;
    }
    for (let i = 0; i < piece.length; i++) positions[piece.charCodeAt(i)] = 0;
  }
  const ats: number[] = [];
  for (let at = 0; at < values.length; at++) if (may[at] === 1) ats.push(at);
  return ats;
}
