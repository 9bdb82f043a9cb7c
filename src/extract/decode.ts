import { ClaimtraceError } from '../core/errors.js';

/** File signatures of common binary formats that are never articles. */
const MAGIC_NUMBERS: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x50, 0x4b, 0x03, 0x04], // ZIP (docx, epub, ...)
  [0x1f, 0x8b], // gzip
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xff, 0xd8, 0xff], // JPEG
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xd0, 0xcf, 0x11, 0xe0], // OLE (old .doc)
];

/** How many leading bytes or characters the binary sniffing looks at. */
const SNIFF_LENGTH = 8192;
/** Share of control characters above which a text counts as binary. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Decodes input bytes to text: BOM-marked UTF-8 / UTF-16, else strict UTF-8, else Windows-1252.
 * Binary data is E_INPUT_BINARY, empty or blank input E_INPUT_EMPTY. CRLF is kept so offsets match the file.
 */
export function decodeBytes(bytes: Uint8Array, label: string): string {
  if (hasMagicNumber(bytes)) throw new ClaimtraceError('E_INPUT_BINARY', { input: label });
  const utf16 = utf16Encoding(bytes);
  if (!utf16 && bytes.subarray(0, SNIFF_LENGTH).includes(0)) throw new ClaimtraceError('E_INPUT_BINARY', { input: label });
  const text = utf16 ? decodeUtf16(bytes, utf16, label) : decodeSingleByteFamily(bytes);
  if (looksBinary(text)) throw new ClaimtraceError('E_INPUT_BINARY', { input: label });
  if (text.trim() === '') throw new ClaimtraceError('E_INPUT_EMPTY', { input: label });
  return text;
}

function hasMagicNumber(bytes: Uint8Array): boolean {
  return MAGIC_NUMBERS.some((magic) => magic.every((byte, i) => bytes[i] === byte));
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', label: string): string {
  // ignoreBOM: false (the default) makes TextDecoder drop the BOM itself.
  const text = new TextDecoder(encoding).decode(bytes);
  if (text.slice(0, SNIFF_LENGTH).includes('\u0000')) throw new ClaimtraceError('E_INPUT_BINARY', { input: label });
  return text;
}

function decodeSingleByteFamily(bytes: Uint8Array): string {
  try {
    // A UTF-8 BOM is stripped by TextDecoder; fatal makes invalid UTF-8 throw so we can fall back.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Windows-1252 characters for bytes 0x80-0x9f (the rest is Latin-1); undefined slots keep the C1 control. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes Windows-1252 (a superset of printable Latin-1). Done by hand because Node's TextDecoder treats the
 * label as Latin-1 and turns curly quotes (0x93/0x94) into C1 controls.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const chars = Array.from(bytes.subarray(at, at + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte),
    );
    parts.push(chars.join(''));
  }
  return parts.join('');
}

/** True when many of the first characters are C0 controls other than tab, line feed, form feed and carriage return. */
function looksBinary(text: string): boolean {
  const length = Math.min(text.length, SNIFF_LENGTH);
  if (length === 0) return false;
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) controls++;
  }
  return controls / length > MAX_CONTROL_SHARE;
}
