export { decodeBytes } from './decode.js';
export { domToText, type DomNode, type DomTextOptions } from './dom-text.js';
export { extractInput, type ExtractInput, type ExtractOptions } from './extract-input.js';
export type { Extracted } from './extracted.js';
export { extractHtml, type HtmlOptions } from './html.js';
export { detectLanguage } from './language.js';
export { extractPlainText } from './plain-text.js';
