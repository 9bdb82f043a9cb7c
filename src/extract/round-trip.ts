// Readability reads a page, and when the article it found is short it puts the page back with
// `page.innerHTML = page.innerHTML as it was` and tries again. With linkedom that round trip is not always the identity,
// and one way it fails never ends. Upstream-style report (linkedom 0.18.15, @mozilla/readability 0.6.0, Node 20):
//
//   Title: appendChild/insertBefore never detaches a DocumentType node, so Readability's grab loop spins forever
//
//   Input (65 bytes): <meta name="author" content="x"><![CDATA[ ></!--><!doctype html>
//     const { document } = parseHTML(`<html><head></head><body>${input}</body></html>`);
//     new Readability(document).parse(); // never returns
//   1. htmlparser2 (HTML mode) reads `<![CDATA[` as a comment up to `]]>` (a browser ends it at the first `>`), so the
//      comment's data holds `></!--><!doctype html>`.
//   2. linkedom serialises comment data (and the decoded text of <title>, <textarea>, <script>, <style>) as it is,
//      so `body.innerHTML` is `…<!--[CDATA[ ></!--><!doctype html>…]]-->`, which no longer parses back into the same
//      tree. The same happens with `<title>&lt;/title&gt;&lt;!doctype html&gt;</title>` in the body.
//   3. The `innerHTML` setter parses into a scratch document, whose doctype becomes a child of the element (the DOM
//      allows a DocumentType only under a Document) and the rest of the markup is lost.
//   4. `insertBefore` has no `node.remove()` for DOCUMENT_TYPE_NODE ("this covers DOCUMENT_TYPE_NODE too"), so
//      `topCandidate.appendChild(page.firstChild)` leaves the doctype where it was; Readability's
//      `while (page.firstChild) topCandidate.appendChild(page.firstChild)` in `_grabArticle` never ends. (A browser
//      would throw HierarchyRequestError at step 3 or 4.) With other trees the same state throws instead, in
//      `_isValidByline` reading `textContent` of a broken sibling chain.
//   Expected: the doctype is not inserted into an element (or is moved by appendChild); Readability could also stop
//   its move loop when `page.firstChild` does not change.
//
// claimtrace's guard: the tree handed to Readability holds only elements and text, and no element whose text linkedom
// writes out other than the parser reads it, so its serialisation parses back into the same tree. prestrip.ts already
// drops comments, doctypes and CDATA before parsing; this catches what the parser still makes. The analysis deadline
// (src/ingest/deadline.ts) stops anything else of the kind.

const ELEMENT = 1;
const TEXT = 3;

/**
 * Elements whose text htmlparser2 reads raw (to their end tag) and linkedom writes out differently: unescaped (title,
 * textarea, script, style) or escaped where the parser does not decode (the obsolete <xmp>). Never article text.
 */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['TITLE', 'TEXTAREA', 'SCRIPT', 'STYLE', 'XMP']);

/** The DOM surface the walk needs. */
export interface RemovableNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<RemovableNode>;
  remove(): void;
}

/**
 * Removes from the subtree every node that is not an element or text (comments, CDATA, processing instructions,
 * doctypes) and every <title>, <textarea>, <script>, <style> and <xmp>, so that `innerHTML` round-trips. Linear in
 * the tree.
 */
export function keepRoundTrippable(root: RemovableNode): void {
  const doomed: RemovableNode[] = [];
  const stack: RemovableNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.nodeType === TEXT) continue;
      if (child.nodeType !== ELEMENT || RAW_TEXT_ELEMENTS.has(child.nodeName.toUpperCase())) doomed.push(child);
      else stack.push(child);
    }
  }
  for (const node of doomed) node.remove();
}
