import type { DomNode } from './dom-text.js';
import rules from './boilerplate.json' with { type: 'json' };

const TAGS = new Set(rules.tags.map((entry) => entry.tag.toUpperCase()));
const FALLBACK_TAGS = new Set(rules.fallbackTags.map((entry) => entry.tag.toUpperCase()));
const ROLES = new Set(rules.roles.map((entry) => entry.role));
const TOKENS = new Set(rules.tokens.map((entry) => entry.token));

/** How sure a rule is: 'tag' and 'role' rules always apply; a 'token' rule yields to an element full of paragraphs. */
export type BoilerplateRule = 'tag' | 'role' | 'token';

/** Which rule of boilerplate.json marks the element as navigation, share bar, comments, ad or the like; null if none. */
export function boilerplateRule(el: DomNode): BoilerplateRule | null {
  const name = el.nodeName.toUpperCase();
  if (TAGS.has(name) && !(name === 'FORM' && holdsParagraphs(el))) return 'tag';
  const role = el.getAttribute?.('role');
  if (role && ROLES.has(role.trim().toLowerCase())) return 'role';
  return hasBoilerplateToken(el.getAttribute?.('class')) || hasBoilerplateToken(el.getAttribute?.('id')) ? 'token' : null;
}

/** True for what the body walk leaves out besides pruned boilerplate: page headers (rules in boilerplate.json). */
export function isFallbackBoilerplate(el: DomNode): boolean {
  return FALLBACK_TAGS.has(el.nodeName.toUpperCase());
}

/** Splits "shareBar post-comments related_links" into lower-case words and looks each up. */
function hasBoilerplateToken(value: string | null | undefined): boolean {
  if (!value) return false;
  const words = value.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/);
  return words.some((word) => TOKENS.has(word));
}

/** ASP.NET-style pages wrap the whole page in one <form>; such a form is content, not a widget. */
function holdsParagraphs(el: DomNode): boolean {
  const stack: DomNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== el && node.nodeName.toUpperCase() === 'P') return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (children[i]!.nodeType === 1) stack.push(children[i]!);
  }
  return false;
}
