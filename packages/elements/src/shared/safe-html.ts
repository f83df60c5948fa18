// Turns a provider's HTML into a small, safe subset rendered by Lit templates: text stays text, nothing runs.
import {html, nothing, type TemplateResult} from 'lit';
import {safeHref} from './safe-href.js';

export {safeHref};

/**
 * A sanitised node. Only these shapes exist, so a renderer can never produce a script, an event
 * handler, a style or an unsafe link: the tree is rebuilt from scratch, never copied.
 */
export type SafeNode =
  | {type: 'text'; text: string}
  | {type: 'element'; tag: SafeTag; href?: string; children: SafeNode[]};

export type SafeTag = 'p' | 'ul' | 'ol' | 'li' | 'strong' | 'em' | 'a' | 'br' | 'h3' | 'h4';

const ALLOWED = new Set<string>(['p', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'br', 'h3', 'h4']);
// b and i are what many CMS editors produce for bold and italic; they keep their meaning as strong and em.
const RENAMED: Record<string, SafeTag> = {b: 'strong', i: 'em'};
// Elements whose content is code or data, never reading text: dropped whole rather than shown as text.
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
]);

/** Sanitises an HTML string. Parsing happens in an inert document: no script runs, no image loads. */
export function sanitizeHtml(source: string): SafeNode[] {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${source}`, 'text/html');
  return sanitizeNodes(doc.body.childNodes);
}

/** Sanitises nodes already parsed (for example a provider's slotted content or a template's content). */
export function sanitizeNodes(nodes: Iterable<Node>, inList = false): SafeNode[] {
  const out: SafeNode[] = [];
  for (const node of nodes) out.push(...sanitizeNode(node, inList));
  return inList ? onlyListItems(mergeText(out)) : mergeText(out);
}

// A list may hold only list items (screen readers count them); stray content gets an item of its own.
function onlyListItems(nodes: SafeNode[]): SafeNode[] {
  const out: SafeNode[] = [];
  for (const node of nodes) {
    if (node.type === 'element' && node.tag === 'li') out.push(node);
    else if (node.type === 'text' && node.text.trim() === '') continue;
    else out.push({type: 'element', tag: 'li', children: [node]});
  }
  return out;
}

function sanitizeNode(node: Node, inList: boolean): SafeNode[] {
  if (node.nodeType === Node.TEXT_NODE) return [{type: 'text', text: node.nodeValue ?? ''}];
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const element = node as Element;
  const name = element.localName;
  if (DROPPED.has(name)) return [];
  const tag = (ALLOWED.has(name) ? name : RENAMED[name]) as SafeTag | undefined;
  const children = sanitizeNodes(element.childNodes, tag === 'ul' || tag === 'ol');
  // Anything else (div, span, img, form, a custom element...) keeps only its text.
  if (!tag) return children;
  // A list item outside any list would be announced wrongly; it becomes a paragraph.
  if (tag === 'li' && !inList) return [{type: 'element', tag: 'p', children}];
  if (tag === 'br') return [{type: 'element', tag, children: []}];
  if (tag === 'a') {
    const href = safeHref(element.getAttribute('href'));
    return href === undefined ? children : [{type: 'element', tag, href, children}];
  }
  return [{type: 'element', tag, children}];
}

function mergeText(nodes: SafeNode[]): SafeNode[] {
  const out: SafeNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.text += node.text;
    else out.push(node.type === 'text' ? {...node} : node);
  }
  return out;
}

/** Plain text of a sanitised tree, for search and for accessible names. */
export function safeText(nodes: SafeNode[]): string {
  return nodes
    .map((node) =>
      node.type === 'text' ? node.text : node.tag === 'br' ? '\n' : safeText(node.children),
    )
    .join('');
}

/**
 * Renders a sanitised tree with fixed Lit templates: every piece of provider text goes through a
 * text binding and the only attribute ever set is a checked href.
 */
export function renderSafe(nodes: SafeNode[]): Array<TemplateResult | string | typeof nothing> {
  return nodes.map((node) => {
    if (node.type === 'text') return node.text;
    const inner = renderSafe(node.children);
    switch (node.tag) {
      case 'p':
        return html`<p>${inner}</p>`;
      case 'ul':
        // Kept on one line (prettier-ignore): white space inside a list would become stray text.
        // prettier-ignore
        return html`<ul>${inner}</ul>`;
      case 'ol':
        // Kept on one line (prettier-ignore): white space inside a list would become stray text.
        // prettier-ignore
        return html`<ol>${inner}</ol>`;
      case 'li':
        return html`<li>${inner}</li>`;
      case 'strong':
        return html`<strong>${inner}</strong>`;
      case 'em':
        return html`<em>${inner}</em>`;
      case 'br':
        return html`<br />`;
      case 'h3':
        return html`<h3>${inner}</h3>`;
      case 'h4':
        return html`<h4>${inner}</h4>`;
      case 'a':
        // A provider's link may point anywhere on the web; it never gets the page's referrer or opener.
        return html`<a href=${node.href ?? nothing} rel="noopener noreferrer">${inner}</a>`;
      default:
        return nothing;
    }
  });
}
