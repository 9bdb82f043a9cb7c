/**
 * Characters escaped in JSON-LD so that it can be pasted inside `<script type="application/ld+json">` as it is: `<`
 * (no `</script>` or `<!--` can end or change the element), `>` and `&` (nothing reads as markup or an entity in
 * XHTML), and U+2028/U+2029 (line terminators to older JavaScript parsers). JSON parsers read the escapes back.
 */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/** `\uXXXX` of one UTF-16 unit. */
const escapeUnit = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON text that is safe inside an HTML `<script>` element: `JSON.stringify` with `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, escapeUnit);
}
