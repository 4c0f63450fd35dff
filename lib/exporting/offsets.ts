/**
 * Glossa stores offsets in UTF-16 code units (as the DOM and JavaScript count); Python tools
 * (doccano, spaCy) index `str` by Unicode code points. An emoji or any other character outside
 * the Basic Multilingual Plane is two UTF-16 units but one code point, so every offset after
 * one shifts by one.
 */

/**
 * A converter from UTF-16 offsets in `text` to code point offsets. Built once per text (a
 * prefix count of surrogate pairs), so converting many offsets is O(1) each.
 */
export function codePointOffsets(text: string): (utf16Offset: number) => number {
  // pairsBefore[i] = number of complete surrogate pairs that end at or before unit i.
  const pairsBefore = new Uint32Array(text.length + 1);
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    pairsBefore[i] = pairs;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairsBefore[i + 1] = pairs; // the low half of a pair: never a valid boundary
        pairs++;
        i++;
      }
    }
  }
  pairsBefore[text.length] = pairs;
  return (offset) => {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length) throw new RangeError(`Offset ${offset} is outside the text (0..${text.length}).`);
    return offset - pairsBefore[offset]!;
  };
}
