import type {
  Config,
  DOMPurify,
  UponSanitizeAttributeHookEvent,
  UponSanitizeElementHookEvent,
} from 'dompurify';
import type { TrustedHTML } from 'trusted-types/lib';
import type { RemovalReport } from '../manifest/schema';
import {
  ALLOWED_ATTR,
  ALLOWED_TAGS,
  ALLOWED_URI_REGEXP,
  EMBED_URL_ATTRIBUTE,
  FORBID_CONTENTS,
  IMAGE_ATTRIBUTES,
  REPORTED_TAGS,
  flattenDeepNesting,
  isAttributeAllowed,
  isTrackingPixel,
  kindOfRemovedAttribute,
  embedOf,
  linkTargetAttributes,
  rewriteAttributeValue,
  toReport,
  type SanitizeOptions,
} from './policy';

export type { SanitizeOptions } from './policy';

export interface ArticleSanitizer {
  /** Sanitized HTML as a string, plus what was removed. */
  sanitize(html: string, options?: SanitizeOptions): { html: string; removed: RemovalReport };
  /**
   * Same policy; returns TrustedHTML when the window supports Trusted Types (DOMPurify's
   * RETURN_TRUSTED_TYPE), else a string. For React's dangerouslySetInnerHTML.
   */
  sanitizeForInjection(
    html: string,
    options?: SanitizeOptions,
  ): { html: TrustedHTML | string; removed: RemovalReport };
}

/**
 * Thrown when DOMPurify has no usable DOM: it would then lack sanitize() altogether or, with a
 * partial DOM, return its input unchanged.
 */
export class SanitizerUnsupportedError extends Error {
  constructor() {
    super(
      'DOMPurify is not bound to a window with a DOM; pass DOMPurify(window) or DOMPurify(new JSDOM("").window)',
    );
    this.name = 'SanitizerUnsupportedError';
  }
}

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The browser's DOMPurify configuration; every list in it comes from ./policy. */
export const DOMPURIFY_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_NAMESPACES: [HTML_NAMESPACE],
  ALLOWED_URI_REGEXP,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  FORBID_CONTENTS,
  // Without it, a leading <meta>, <link>, <style> or <title> is parsed into <head> and dropped
  // before any hook sees it, so it would go unreported.
  FORCE_BODY: true,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
};

const INJECTION_POLICY = { ...DOMPURIFY_CONFIG, RETURN_TRUSTED_TYPE: true } as const;

/** One sanitize call's tally; hooks are per instance, so they write into the current run. */
interface Run {
  byKind: Map<string, number>;
  embeds: RemovalReport['embeds'];
  /** Descendants of a reported element whose content was kept, so they are not reported again. */
  alreadyReported: WeakSet<Node>;
  resolveImageSrc: SanitizeOptions['resolveImageSrc'];
}

/**
 * Builds the article sanitizer around a DOMPurify instance bound to a window:
 * `createArticleSanitizer(DOMPurify(window))` in the reader, or `DOMPurify(new JSDOM('').window)`
 * in tests. Takes the instance over: hooks already on it are removed, so pass a fresh one.
 */
export function createArticleSanitizer(purify: DOMPurify): ArticleSanitizer {
  if (!purify.isSupported) throw new SanitizerUnsupportedError();
  let run: Run | null = null;

  const count = (kind: string) => {
    if (run) run.byKind.set(kind, (run.byKind.get(kind) ?? 0) + 1);
  };
  const countRemovedAttribute = (name: string, value: string) => {
    const kind = kindOfRemovedAttribute(name, value);
    if (kind) count(kind);
  };

  purify.removeAllHooks();

  purify.addHook('uponSanitizeElement', (node: Node, event: UponSanitizeElementHookEvent) => {
    if (!run || !isElement(node)) return;
    const tag = event.tagName;
    // The parse root: DOMPurify walks it (so its attributes are counted) but never outputs it.
    if (tag === 'body') return;
    if (event.allowedTags[tag]) {
      prepareAllowedElement(node, tag, count);
      return;
    }
    const embed = embedOfElement(node, tag);
    if (embed) run.embeds.push(embed);
    if (run.alreadyReported.has(node)) return;
    if (REPORTED_TAGS.has(tag)) {
      count(tag);
      for (const descendant of node.querySelectorAll('*')) run.alreadyReported.add(descendant);
      // DOMPurify walks a template's content even after removing the template; emptied first, it
      // cannot report phantom removals or send discarded images to the resolver.
      if (tag === 'template') (node as HTMLTemplateElement).content.replaceChildren();
    } else {
      // An unwrapped wrapper's attributes are dropped unseen by the attribute hook.
      for (const attribute of Array.from(node.attributes)) {
        countRemovedAttribute(attribute.name, attribute.value);
      }
    }
  });

  purify.addHook(
    'uponSanitizeAttribute',
    (element: Element, event: UponSanitizeAttributeHookEvent) => {
      if (!run) return;
      const name = event.attrName;
      const tag = element.localName;
      if (!isAttributeAllowed(tag, name)) {
        event.keepAttr = false;
        countRemovedAttribute(name, event.attrValue);
        return;
      }
      const value = rewriteAttributeValue(name, event.attrValue, run.resolveImageSrc);
      if (value === null) {
        event.keepAttr = false;
        countRemovedAttribute(name, event.attrValue);
      } else {
        event.attrValue = value;
      }
    },
  );

  purify.addHook('afterSanitizeAttributes', (element: Element) => {
    if (!run) return;
    if (element.localName === 'a') {
      for (const [name, value] of linkTargetAttributes(element.getAttribute('href'))) {
        element.setAttribute(name, value);
      }
    } else if (element.localName === 'img') {
      if (element.hasAttribute('src')) {
        for (const [name, value] of IMAGE_ATTRIBUTES) element.setAttribute(name, value);
      } else {
        element.remove();
      }
    }
  });

  purify.addHook('afterSanitizeElements', (node: Node) => {
    if (run && node.nodeType === TEXT_NODE) keepLeadingNewlineInPre(node as Text);
  });

  function withRun<T>(html: string, options: SanitizeOptions, sanitize: (html: string) => T) {
    const flat = flattenDeepNesting(html);
    run = {
      byKind: new Map(),
      embeds: [],
      alreadyReported: new WeakSet(),
      resolveImageSrc: options.resolveImageSrc,
    };
    if (flat.flattened) count('deep-nesting');
    try {
      return { html: sanitize(flat.html), removed: toReport(run.byKind, run.embeds) };
    } finally {
      run = null;
    }
  }

  return {
    sanitize: (html, options = {}) =>
      withRun(html, options, (flat) => purify.sanitize(flat, DOMPURIFY_CONFIG)),
    sanitizeForInjection: (html, options = {}) =>
      withRun(html, options, (flat) => purify.sanitize(flat, INJECTION_POLICY)),
  };
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** Element-level rules for allowed elements that attributes alone cannot express. */
function prepareAllowedElement(element: Element, tag: string, count: (kind: string) => void) {
  if (tag === 'source' && element.parentElement?.localName !== 'picture') {
    // Outside <picture> a source only feeds media elements, which are gone.
    element.remove();
  } else if (
    tag === 'img' &&
    isTrackingPixel(element.getAttribute('width'), element.getAttribute('height'))
  ) {
    element.remove();
    count('tracking-pixel');
  } else if (tag === 'a') {
    // Old archives mark footnotes with <a name>; as an id (prefixed like every id) it stays a target.
    const name = element.getAttribute('name');
    if (name && !element.hasAttribute('id')) element.setAttribute('id', name);
  }
}

function embedOfElement(element: Element, tag: string): RemovalReport['embeds'][number] | null {
  const attribute = EMBED_URL_ATTRIBUTE[tag];
  if (!attribute) return null;
  const sources = [element.getAttribute(attribute)];
  if (tag === 'video' || tag === 'audio') {
    for (const source of element.querySelectorAll(':scope > source[src]')) {
      sources.push(source.getAttribute('src'));
    }
  }
  return embedOf(tag, sources);
}

/**
 * The HTML parser drops one newline right after `<pre>` and serializers do not add it back, so
 * each sanitize pass would eat a leading newline; doubling it keeps a second pass identical.
 */
function keepLeadingNewlineInPre(text: Text) {
  const parent = text.parentElement;
  if (parent?.localName === 'pre' && parent.firstChild === text && text.data.startsWith('\n')) {
    text.data = `\n${text.data}`;
  }
}
