/**
 * Converts UTF-16 offsets (JavaScript string indices, as in the report) to Unicode code point offsets (as Python and
 * brat count them) for one text. Identical until the first character outside the BMP (an emoji, say).
 */
export function codePointOffsets(text: string): (utf16: number) => number {
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) astral.push(++i);
    }
  }
  if (astral.length === 0) return (utf16) => utf16;
  return (utf16) => {
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid]! < utf16) lo = mid + 1;
      else hi = mid;
    }
    return utf16 - lo;
  };
}

/** Code point offsets (Python, PTC) to UTF-16 offsets (JavaScript) for one text; past the end maps to its length. */
export function utf16Offsets(text: string): (codePoint: number) => number {
  const astral: number[] = []; // code point offsets just after each astral character
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      astral.push(cp + 1);
    }
  }
  const total = cp;
  return (codePoint) => {
    const at = Math.min(Math.max(0, codePoint), total);
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    return at + lo;
  };
}
