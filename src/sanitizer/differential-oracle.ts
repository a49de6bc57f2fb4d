// The differential check of the ingest's sanitizer against the browser's; test support only.
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { expect } from 'vitest';
import { createArticleSanitizer, type ArticleSanitizer } from './article-policy';
import { ALLOWED_TAGS, type SanitizeOptions } from './policy';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;

const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta source track wbr'.split(' '),
);
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\u00a0': '&nbsp;',
};

/** The reader's images: ingest media paths stay, as the browser maps them to the data folder. */
export const keepMedia = (src: string) => (src.startsWith('media/') ? src : null);

/** A media path for every relative image, as the ingest gives images it finds in the archive. */
export const toMedia = () => 'media/0123456789abcdef.png';

/**
 * canonicalHtml: the tree a browser builds from `html` in a body, written back in one fixed way
 * (attributes in order, double-quoted, `& < > " NBSP` escaped, a leading newline in `pre`
 * doubled). Two strings with the same canonical form parse into the same tree; a string equal to
 * its own canonical form parses back into exactly itself. `quirks` parses without a doctype, as
 * DOMPurify's DOMParser does; otherwise as the reader's page (no-quirks).
 */
export function canonicalHtml(html: string, mode: 'quirks' | 'no-quirks' = 'no-quirks'): string {
  return serializeChildren(bodyOf(html, mode));
}

function bodyOf(html: string, mode: 'quirks' | 'no-quirks'): ParentNode {
  const document = parse(`${mode === 'quirks' ? '' : '<!DOCTYPE html>'}<body>${html}`, {
    scriptingEnabled: false,
  });
  const htmlElement = document.childNodes.find((node) => node.nodeName === 'html') as ParentNode;
  return htmlElement.childNodes.find((node) => node.nodeName === 'body') as ParentNode;
}

function serializeChildren(parent: ParentNode): string {
  let out = '';
  for (const child of parent.childNodes) {
    if (child.nodeName === '#text') {
      const { value } = child as DefaultTreeAdapterTypes.TextNode;
      const leadingNewline = parent.nodeName === 'pre' && child === parent.childNodes[0];
      out += (leadingNewline && value.startsWith('\n') ? '\n' : '') + escape(value, /[&<>\u00a0]/g);
    } else if (child.nodeName === '#comment') {
      out += `<!--${(child as DefaultTreeAdapterTypes.CommentNode).data}-->`;
    } else if ('tagName' in child) {
      const prefix = child.namespaceURI === 'http://www.w3.org/1999/xhtml' ? '' : 'foreign:';
      out += `<${prefix}${child.tagName}`;
      for (const { name, value } of child.attrs)
        out += ` ${name}="${escape(value, /[&<>"\u00a0]/g)}"`;
      out += '>';
      const content =
        child.tagName === 'template' ? (child as DefaultTreeAdapterTypes.Template).content : child;
      if (!VOID_ELEMENTS.has(child.tagName))
        out += `${serializeChildren(content)}</${prefix}${child.tagName}>`;
    }
  }
  return out;
}

function escape(value: string, pattern: RegExp): string {
  return value.replace(pattern, (c) => ESCAPES[c]!);
}

/** visibleText: the text a reader sees, whitespace left out (block spacing is not compared). */
export function visibleText(html: string): string {
  const text = (parent: ParentNode): string =>
    parent.childNodes
      .map((child) =>
        child.nodeName === '#text'
          ? (child as DefaultTreeAdapterTypes.TextNode).value
          : 'childNodes' in child
            ? text(child)
            : '',
      )
      .join('');
  return text(bodyOf(html, 'no-quirks')).replace(/\s+/g, '');
}

/**
 * createBrowserOracle: DOMPurify over jsdom with the reader's configuration
 * (createArticleSanitizer), on a window replaced every few hundred calls: a long-lived jsdom
 * window slows down with every call.
 */
export function createBrowserOracle(): ArticleSanitizer {
  let window = new JSDOM('').window;
  let sanitizer = createArticleSanitizer(DOMPurify(window));
  let calls = 0;
  const current = () => {
    calls += 1;
    if (calls % 300 === 0) {
      window.close();
      window = new JSDOM('').window;
      sanitizer = createArticleSanitizer(DOMPurify(window));
    }
    return sanitizer;
  };
  return {
    sanitize: (html, options) => current().sanitize(html, options),
    sanitizeForInjection: (html, options) => current().sanitizeForInjection(html, options),
  };
}

/**
 * expectBrowserFixedPoint: the ingest output parses back into itself in both modes, and the
 * browser's pass (DOMPurify with the reader's configuration) changes nothing and reports nothing.
 */
export function expectBrowserFixedPoint(ingestHtml: string, oracle: ArticleSanitizer) {
  const canonical = canonicalHtml(ingestHtml);
  expect(canonical, 'parses back into itself (no-quirks)').toBe(ingestHtml);
  // Every `<` of a canonical form starts a tag or a comment: text and values are escaped.
  for (const [markup, tag] of canonical.matchAll(/<\/?([^\s>]*)/g)) {
    expect(ALLOWED_TAGS.includes(tag ?? ''), `only allowlisted HTML elements: ${markup}`).toBe(
      true,
    );
  }
  expect(canonicalHtml(ingestHtml, 'quirks'), 'parses back into itself (quirks)').toBe(ingestHtml);
  const browser = oracle.sanitize(ingestHtml, { resolveImageSrc: keepMedia });
  expect(canonicalHtml(browser.html), 'DOMPurify leaves it as it is').toBe(ingestHtml);
  expect(browser.removed, 'DOMPurify removes nothing').toEqual({
    total: 0,
    byKind: {},
    embeds: [],
  });
}

/**
 * expectSameVisibleText: the ingest keeps the characters DOMPurify keeps from the same input, as
 * a multiset: jsdom foster-parents text out of a table after it, where parse5 (and browsers, per
 * the standard) put it before, so order is not compared.
 */
export function expectSameVisibleText(
  input: string,
  ingestHtml: string,
  oracle: ArticleSanitizer,
  options: SanitizeOptions,
) {
  const characters = (html: string) => [...visibleText(html)].sort().join('');
  expect(characters(ingestHtml)).toBe(characters(oracle.sanitize(input, options).html));
}
