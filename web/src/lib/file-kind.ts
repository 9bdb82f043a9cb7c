/**
 * Whether an uploaded file is clearly binary, judged from its first bytes before anything is sent: a known file
 * signature, NUL bytes (outside UTF-16), or many control characters. Mirrors the server's check in
 * src/extract/decode.ts, which stays the authority; this one only lets the app refuse early and name the file. Pure.
 */

/** File signatures of common binary formats, with the name the message gives them. */
const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly kind: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'PDF' }, // %PDF
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'PNG image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'ZIP archive, e.g. .docx or .epub' },
  { bytes: [0x1f, 0x8b], kind: 'gzip' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'GIF image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'JPEG image' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'program' }, // ELF
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'old Office document' }, // OLE, e.g. .doc
];

/** How many leading bytes are looked at (the server sniffs the same length). */
export const SNIFF_BYTES = 8192;
/** Share of control bytes above which a file counts as binary (as on the server). */
const MAX_CONTROL_SHARE = 0.1;

/** What the first bytes say: `null` for text, else the binary kind (`'binary'` when no signature names it). */
export function binaryKind(head: Uint8Array): string | null {
  const signature = SIGNATURES.find((s) => s.bytes.every((byte, i) => head[i] === byte));
  if (signature) return signature.kind;
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16) return null;
  const length = Math.min(head.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const byte = head[i]!;
    if (byte === 0) return 'binary';
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) controls++;
  }
  return length > 0 && controls / length > MAX_CONTROL_SHARE ? 'binary' : null;
}

/** The message naming the file: "report.pdf looks binary (PDF), not text or HTML". */
export function binaryFileMessage(name: string, kind: string): string {
  return `${name} looks binary${kind === 'binary' ? '' : ` (${kind})`}, not text or HTML. Save it as text or HTML first.`;
}
