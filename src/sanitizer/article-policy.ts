import type {
  Config,
  DOMPurify,
  UponSanitizeAttributeHookEvent,
  UponSanitizeElementHookEvent,
} from 'dompurify';
import type { TrustedHTML } from 'trusted-types/lib';
import type { RemovalReport } from '../manifest/schema';

export interface SanitizeOptions {
  /**
   * Maps a relative img src to an allowed one (e.g. 'media/0123456789abcdef.png' at ingest, or
   * '/data/media/…' in the browser), or null to drop the image. Called only for srcs without a
   * scheme; absolute http(s) srcs are kept as they are and every other scheme is dropped.
   */
  resolveImageSrc?: (src: string) => string | null;
}

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

/**
 * Structure and meaning only: the reader styles articles by element, so presentational and
 * interactive elements go. `div`/`span` stay as carriers of `lang`/`dir` for mixed-language text.
 */
const ALLOWED_TAGS = [
  'p',
  'div',
  'span',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'q',
  'cite',
  'figure',
  'figcaption',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'col',
  'colgroup',
  'pre',
  'code',
  'kbd',
  'samp',
  'ruby',
  'rt',
  'rp',
  'img',
  'picture',
  'source',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'br',
  'hr',
  'sup',
  'sub',
  'abbr',
  'time',
  'section',
  'article',
  'header',
  'footer',
  'aside',
];

const GLOBAL_ATTRIBUTES = ['id', 'title', 'lang', 'dir'];

/**
 * Attributes an element may keep beyond the global ones; DOMPurify's ALLOWED_ATTR is not per
 * element, so the attribute hook enforces this map. `target`, `rel`, `referrerpolicy`, `loading`
 * and `decoding` are absent on purpose: they are always rebuilt, never taken from the input.
 */
const ATTRIBUTES_BY_TAG: Record<string, readonly string[]> = {
  a: ['href'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height'],
  source: ['srcset', 'sizes', 'type', 'media'],
  blockquote: ['cite'],
  q: ['cite'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  td: ['colspan', 'rowspan', 'headers'],
  th: ['colspan', 'rowspan', 'headers', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  time: ['datetime'],
  del: ['datetime'],
  ins: ['datetime'],
};

const ALLOWED_ATTR = [
  ...new Set([...GLOBAL_ATTRIBUTES, ...Object.values(ATTRIBUTES_BY_TAG).flat()]),
];

/**
 * Removed elements a reader should hear about, reported under their tag name, once each: their
 * descendants are not reported again. Any other element outside the allowlist is a wrapper the
 * reader does not need (font, center, details, label, custom elements, …) and is unwrapped quietly.
 */
const REPORTED_TAGS = new Set([
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'template',
  'noscript',
  'video',
  'audio',
  'canvas',
  'dialog',
]);

/**
 * Removed with everything inside: code, raw text, fallbacks for plugins and media, form controls,
 * popups and foreign (SVG/MathML) content. A form is not here: whole pages are often wrapped in
 * one (ASP.NET), so its text stays and only its controls go.
 */
const FORBID_CONTENTS = [
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'title',
  'iframe',
  'object',
  'embed',
  'applet',
  'button',
  'select',
  'textarea',
  'datalist',
  'svg',
  'math',
  'video',
  'audio',
  'canvas',
  'dialog',
];

/** Attributes whose value is a URL; a script-capable one there is reported as `unsafe-url`. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'cite',
  'action',
  'formaction',
  'background',
  'poster',
  'ping',
  'xlink:href',
  'data',
  'codebase',
  'longdesc',
  'lowsrc',
  'dynsrc',
]);

/** DOMPurify's SANITIZE_NAMED_PROPS prefix; fragment links and `headers` must follow it. */
const ID_PREFIX = 'user-content-';

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const POLICY: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_NAMESPACES: [HTML_NAMESPACE],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  FORBID_CONTENTS,
  // Without it, a leading <meta>, <link>, <style> or <title> is parsed into <head> and dropped
  // before any hook sees it, so it would go unreported.
  FORCE_BODY: true,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
};

const INJECTION_POLICY = { ...POLICY, RETURN_TRUSTED_TYPE: true } as const;

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
 * `createArticleSanitizer(DOMPurify(window))`, or `DOMPurify(new JSDOM('').window)` at ingest.
 * Takes the instance over: hooks already on it are removed, so pass a fresh one.
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
    const embed = embedOf(node, tag);
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
      rebuildLinkTarget(element);
    } else if (element.localName === 'img') {
      if (element.hasAttribute('src')) {
        element.setAttribute('referrerpolicy', 'no-referrer');
        element.setAttribute('loading', 'lazy');
        element.setAttribute('decoding', 'async');
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
      return { html: sanitize(flat.html), removed: toReport(run) };
    } finally {
      run = null;
    }
  }

  return {
    sanitize: (html, options = {}) =>
      withRun(html, options, (flat) => purify.sanitize(flat, POLICY)),
    sanitizeForInjection: (html, options = {}) =>
      withRun(html, options, (flat) => purify.sanitize(flat, INJECTION_POLICY)),
  };
}

/**
 * Deeper than this, tags are dropped. Real articles nest a few dozen levels; thousands of nested
 * elements are a parser attack or a broken page, and they defeat both DOMs the policy runs in:
 * jsdom builds and detaches nodes recursively (quadratic time, then a stack overflow), and
 * browsers re-nest what lies beyond 512 levels.
 */
const MAX_NESTING_DEPTH = 100;

/** Elements whose end tag may be left out: parsers close them, so they never pile up. */
const SELF_CLOSING_PARENTS = new Set(
  'p li dt dd tr td th thead tbody tfoot colgroup option optgroup rb rt rtc rp'.split(' '),
);
const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta source track wbr'.split(' '),
);
/** Their content is text up to their end tag, whatever it looks like. */
const RAW_TEXT_ELEMENTS = new Set(
  'script style textarea title xmp iframe noembed noframes noscript plaintext'.split(' '),
);
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * flattenDeepNesting: the HTML with every start tag nested deeper than MAX_NESTING_DEPTH dropped,
 * with its end tag, so the text inside and after a deep nest stays, in order. Done on the markup
 * before any DOM is built, since building one is what fails; the result is then sanitized like
 * any input, so dropping tags here cannot let anything through. Markup within the limit is
 * returned as it is.
 */
export function flattenDeepNesting(html: string): { html: string; flattened: boolean } {
  const open: string[] = [];
  const dropped = new Map<string, number>();
  const cuts: [start: number, end: number][] = [];
  let rawTextEnd: string | null = null;
  for (const match of html.matchAll(MARKUP)) {
    const [tag, slash, rawName] = match;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (rawTextEnd !== null) {
      if (slash && name === rawTextEnd) rawTextEnd = null;
      continue;
    }
    const at: [number, number] = [match.index, match.index + tag.length];
    if (!slash) {
      // Raw-text elements are kept whole (the sanitizer removes them with their content).
      if (RAW_TEXT_ELEMENTS.has(name)) rawTextEnd = name;
      if (rawTextEnd !== null || VOID_ELEMENTS.has(name) || SELF_CLOSING_PARENTS.has(name))
        continue;
      if (tag.endsWith('/>')) continue;
      if (open.length < MAX_NESTING_DEPTH) {
        open.push(name);
      } else {
        dropped.set(name, (dropped.get(name) ?? 0) + 1);
        cuts.push(at);
      }
    } else if ((dropped.get(name) ?? 0) > 0) {
      dropped.set(name, dropped.get(name)! - 1);
      cuts.push(at);
    } else {
      const index = open.lastIndexOf(name);
      if (index >= 0) open.length = index;
    }
  }
  if (cuts.length === 0) return { html, flattened: false };
  let flat = '';
  let from = 0;
  for (const [start, end] of cuts) {
    flat += html.slice(from, start);
    from = end;
  }
  return { html: flat + html.slice(from), flattened: true };
}

function toReport(run: Run): RemovalReport {
  const byKind = Object.fromEntries(
    [...run.byKind].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const total = [...run.byKind.values()].reduce((sum, n) => sum + n, 0);
  return { total, byKind, embeds: run.embeds };
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

function isAttributeAllowed(tag: string, name: string): boolean {
  return GLOBAL_ATTRIBUTES.includes(name) || (ATTRIBUTES_BY_TAG[tag]?.includes(name) ?? false);
}

/** Element-level rules for allowed elements that attributes alone cannot express. */
function prepareAllowedElement(element: Element, tag: string, count: (kind: string) => void) {
  if (tag === 'source' && element.parentElement?.localName !== 'picture') {
    // Outside <picture> a source only feeds media elements, which are gone.
    element.remove();
  } else if (tag === 'img' && isTrackingPixel(element)) {
    element.remove();
    count('tracking-pixel');
  } else if (tag === 'a') {
    // Old archives mark footnotes with <a name>; as an id (prefixed like every id) it stays a target.
    const name = element.getAttribute('name');
    if (name && !element.hasAttribute('id')) element.setAttribute('id', name);
  }
}

function isTrackingPixel(img: Element): boolean {
  const width = parseDimension(img.getAttribute('width'));
  const height = parseDimension(img.getAttribute('height'));
  return width !== null && height !== null && width <= 1 && height <= 1;
}

function parseDimension(value: string | null): number | null {
  const match = value?.match(/^\s*(\d+(?:\.\d+)?)/);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** The allowed value for an allowed attribute, or null to drop it. */
function rewriteAttributeValue(
  name: string,
  value: string,
  resolveImageSrc: SanitizeOptions['resolveImageSrc'],
): string | null {
  switch (name) {
    case 'href':
      return toLinkHref(value);
    case 'src':
      return toImageSrc(value, resolveImageSrc);
    case 'srcset':
      return toHttpSrcset(value);
    case 'cite':
      return toAbsoluteHttpUrl(value);
    case 'headers':
      return value.split(/\s+/).filter(Boolean).map(prefixId).join(' ');
    default:
      return value;
  }
}

function prefixId(id: string): string {
  return id.startsWith(ID_PREFIX) ? id : ID_PREFIX + id;
}

/**
 * Absolute http(s) links, and in-article fragments. Every id in the output carries DOMPurify's
 * prefix, so every fragment is rewritten to it, whether or not its target exists: a link to a
 * missing id is dead either way, and checking would need a second pass (targets often follow).
 */
function toLinkHref(value: string): string | null {
  const href = cleanUrl(value);
  if (href.startsWith('#')) return href.length > 1 ? `#${prefixId(href.slice(1))}` : null;
  if (isContactUrl(href)) return href;
  return toAbsoluteHttpUrl(href);
}

/**
 * `mailto:` and `tel:` links (a press contact): they cannot run script, only open the reader's
 * mail or phone app, so they stay. Whitespace and controls inside are refused rather than fixed.
 */
function isContactUrl(href: string): boolean {
  return /^(?:mailto|tel):[^\s\p{Cc}]+$/iu.test(href) && URL.canParse(href);
}

/**
 * Absolute http(s) srcs stay, as https; relative ones go through the resolver. `data:` URLs are dropped
 * rather than filtered by type: they can carry SVG with script, and they bloat article bodies.
 */
function toImageSrc(
  value: string,
  resolveImageSrc: SanitizeOptions['resolveImageSrc'],
): string | null {
  const absolute = toAbsoluteHttpUrl(value);
  if (absolute !== null) return toHttps(absolute);
  if (!resolveImageSrc || hasScheme(value)) return null;
  const resolved = resolveImageSrc(value);
  if (resolved === null) return null;
  return toAbsoluteHttpUrl(resolved) ?? (hasScheme(resolved) ? null : resolved);
}

/** The srcset rebuilt from its candidates if every candidate URL is absolute http(s), else null. */
function toHttpSrcset(value: string): string | null {
  const candidates = parseSrcset(value);
  if (candidates.length === 0) return null;
  const rebuilt: string[] = [];
  for (const { url, descriptor } of candidates) {
    const absolute = toAbsoluteHttpUrl(url);
    if (absolute === null) return null;
    rebuilt.push(descriptor ? `${toHttps(absolute)} ${descriptor}` : toHttps(absolute));
  }
  return rebuilt.join(', ');
}

/**
 * Splits a srcset the way browsers do: a URL is a run of non-space characters (so CDN URLs with
 * commas survive) unless it ends in commas, which then end the candidate.
 */
function parseSrcset(value: string): { url: string; descriptor: string }[] {
  const candidates: { url: string; descriptor: string }[] = [];
  const urlPattern = /[\s,]*(\S+)/y;
  const descriptorPattern = /([^,]*),?/y;
  let match: RegExpExecArray | null;
  while ((match = urlPattern.exec(value)) !== null && match[1] !== undefined) {
    let url = match[1];
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      descriptorPattern.lastIndex = urlPattern.lastIndex;
      descriptor = descriptorPattern.exec(value)?.[1]?.trim() ?? '';
      urlPattern.lastIndex = descriptorPattern.lastIndex;
    }
    candidates.push({ url, descriptor });
  }
  return candidates;
}

/**
 * What a browser's URL parser does before it reads a scheme: strip leading and trailing C0
 * controls and spaces, and drop tabs and newlines anywhere (`java\tscript:` is `javascript:`).
 */
function cleanUrl(value: string): string {
  // eslint-disable-next-line no-control-regex -- C0 controls are exactly what URL parsers strip
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** The URL if it is absolute http(s) (protocol-relative counts, as https), else null. */
function toAbsoluteHttpUrl(value: string): string | null {
  const cleaned = cleanUrl(value);
  const url = cleaned.startsWith('//') ? `https:${cleaned}` : cleaned;
  return /^https?:/i.test(url) && URL.canParse(url) ? url : null;
}

/**
 * toHttps: an image URL fetched over https. Archived posts often link images over plain http,
 * which the reader's CSP (`img-src https:`) blocks, one console error each; most of those hosts
 * serve https too. Rewritten here rather than by `upgrade-insecure-requests`, which would also
 * upgrade the reader's own requests when it is served over plain http (a local preview) and does
 * nothing in the dev server, which sends no CSP. An image that still fails shows a placeholder.
 */
export function toHttps(url: string): string {
  return url.replace(/^http:/i, 'https:');
}

function hasScheme(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(cleanUrl(value)) || hasScriptCapableScheme(value);
}

/**
 * Catches the obfuscations a URL parser or a later decoder might undo: invisible and full-width
 * characters around or inside the scheme. Only used to report and to refuse, never to rewrite.
 */
function hasScriptCapableScheme(value: string): boolean {
  const compact = value
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{Z}]/gu, '')
    .toLowerCase();
  return /^(?:[a-z]*script|mocha|data):/.test(compact);
}

/** The report kind for a dropped attribute, or null if dropping it is not worth telling. */
function kindOfRemovedAttribute(name: string, value: string): string | null {
  if (name.startsWith('on')) return 'event-handler';
  if (name === 'style') return 'style';
  if (!URL_ATTRIBUTES.has(name)) return null;
  const urls = name === 'srcset' ? value.split(',') : [value];
  return urls.some(hasScriptCapableScheme) ? 'unsafe-url' : null;
}

const EMBED_URL_ATTRIBUTE: Partial<Record<string, string>> = {
  iframe: 'src',
  embed: 'src',
  object: 'data',
  video: 'src',
  audio: 'src',
};

/** A plain link for a removed frame or media element with an http(s) source, if it has one. */
function embedOf(element: Element, tag: string): RemovalReport['embeds'][number] | null {
  const attribute = EMBED_URL_ATTRIBUTE[tag];
  if (!attribute) return null;
  const sources = [element.getAttribute(attribute)];
  if (tag === 'video' || tag === 'audio') {
    for (const source of element.querySelectorAll(':scope > source[src]')) {
      sources.push(source.getAttribute('src'));
    }
  }
  for (const source of sources) {
    const url = source === null ? null : toAbsoluteHttpUrl(source);
    if (url !== null) return { kind: tag, url: new URL(url).href };
  }
  return null;
}

/**
 * External links always open apart from the reader and without a window.opener, whatever the
 * input said; contact links get the same rel; fragment links stay in the article. Incoming target/rel were dropped as unallowed.
 */
function rebuildLinkTarget(link: Element) {
  const href = link.getAttribute('href') ?? '';
  if (/^https?:/i.test(href)) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  } else if (isContactUrl(href)) {
    // Same rel as any external link; no target, since a new tab would stay empty.
    link.setAttribute('rel', 'noopener noreferrer');
  }
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
