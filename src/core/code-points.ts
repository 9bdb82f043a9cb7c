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
