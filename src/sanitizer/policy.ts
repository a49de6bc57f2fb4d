import type { RemovalReport } from '../manifest/schema';

// The one article policy as data and pure value rules, read by both implementations: DOMPurify
// in the browser (article-policy.ts) and the ingest's parse5 walk (ingest-sanitizer.ts). Nothing
// here touches a DOM, so the reader's bundle and the ingest load the same rules.

export interface SanitizeOptions {
  /**
   * Maps a relative img src to an allowed one (e.g. 'media/0123456789abcdef.png' at ingest, or
   * '/data/media/…' in the browser), or null to drop the image. Called only for srcs without a
   * scheme; absolute http(s) srcs are kept as they are and every other scheme is dropped.
   */
  resolveImageSrc?: (src: string) => string | null;
}

/**
 * Structure and meaning only: the reader styles articles by element, so presentational and
 * interactive elements go. `div`/`span` stay as carriers of `lang`/`dir` for mixed-language text.
 */
export const ALLOWED_TAGS = [
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

export const GLOBAL_ATTRIBUTES = ['id', 'title', 'lang', 'dir'];

/**
 * Attributes an element may keep beyond the global ones; DOMPurify's ALLOWED_ATTR is not per
 * element, so the attribute hook enforces this map. `target`, `rel`, `referrerpolicy`, `loading`
 * and `decoding` are absent on purpose: they are always rebuilt, never taken from the input.
 */
export const ATTRIBUTES_BY_TAG: Record<string, readonly string[]> = {
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

export const ALLOWED_ATTR = [
  ...new Set([...GLOBAL_ATTRIBUTES, ...Object.values(ATTRIBUTES_BY_TAG).flat()]),
];

/**
 * Removed elements a reader should hear about, reported under their tag name, once each: their
 * descendants are not reported again. Any other element outside the allowlist is a wrapper the
 * reader does not need (font, center, details, label, custom elements, …) and is unwrapped quietly.
 */
export const REPORTED_TAGS = new Set([
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
export const FORBID_CONTENTS = [
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
export const URL_ATTRIBUTES = new Set([
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
export const ID_PREFIX = 'user-content-';

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
  if (!hasMoreStartTagsThan(html, MAX_NESTING_DEPTH)) return { html, flattened: false };
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

export function isAttributeAllowed(tag: string, name: string): boolean {
  return GLOBAL_ATTRIBUTES.includes(name) || (ATTRIBUTES_BY_TAG[tag]?.includes(name) ?? false);
}

/** isTrackingPixel: an image at most 1×1 by its width and height attributes. */
export function isTrackingPixel(widthValue: string | null, heightValue: string | null): boolean {
  const width = parseDimension(widthValue);
  const height = parseDimension(heightValue);
  return width !== null && height !== null && width <= 1 && height <= 1;
}

function parseDimension(value: string | null): number | null {
  const match = value?.match(/^\s*(\d+(?:\.\d+)?)/);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** The allowed value for an allowed attribute, or null to drop it. */
export function rewriteAttributeValue(
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
      return value.split(/\s+/).filter(Boolean).map(namedPropertyValue).join(' ');
    default:
      return value;
  }
}

/**
 * Absolute http(s) links, and in-article fragments. Every id in the output carries DOMPurify's
 * prefix, so every fragment is rewritten to it, whether or not its target exists: a link to a
 * missing id is dead either way, and checking would need a second pass (targets often follow).
 */
function toLinkHref(value: string): string | null {
  const href = cleanUrl(value);
  if (href.startsWith('#')) return href.length > 1 ? `#${namedPropertyValue(href.slice(1))}` : null;
  if (isContactUrl(href)) return href;
  return toAbsoluteHttpUrl(href);
}

/**
 * `mailto:` and `tel:` links (a press contact): they cannot run script, only open the reader's
 * mail or phone app, so they stay. Whitespace and controls inside are refused rather than fixed.
 */
export function isContactUrl(href: string): boolean {
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
export function toAbsoluteHttpUrl(value: string): string | null {
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
export function kindOfRemovedAttribute(name: string, value: string): string | null {
  if (name.startsWith('on')) return 'event-handler';
  if (name === 'style') return 'style';
  if (!URL_ATTRIBUTES.has(name)) return null;
  const urls = name === 'srcset' ? value.split(',') : [value];
  return urls.some(hasScriptCapableScheme) ? 'unsafe-url' : null;
}

export const EMBED_URL_ATTRIBUTE: Partial<Record<string, string>> = {
  iframe: 'src',
  embed: 'src',
  object: 'data',
  video: 'src',
  audio: 'src',
};

/**
 * embedOf: a plain link for a removed frame or media element with an http(s) source, if it has
 * one: `sources` are the element's own URL attribute, then (video, audio) its child sources' srcs.
 */
export function embedOf(
  tag: string,
  sources: readonly (string | null)[],
): RemovalReport['embeds'][number] | null {
  for (const source of sources) {
    const url = source === null ? null : toAbsoluteHttpUrl(source);
    if (url !== null) return { kind: tag, url: new URL(url).href };
  }
  return null;
}

/**
 * linkTargetAttributes: the target and rel a kept link gets, from its final href. External links
 * always open apart from the reader and without a window.opener, whatever the input said; contact
 * links get the same rel but no target, since a new tab would stay empty; fragment links stay in
 * the article. Incoming target/rel are dropped as unallowed.
 */
export function linkTargetAttributes(href: string | null): [name: string, value: string][] {
  if (href !== null && /^https?:/i.test(href)) {
    return [
      ['target', '_blank'],
      ['rel', 'noopener noreferrer'],
    ];
  }
  if (href !== null && isContactUrl(href)) return [['rel', 'noopener noreferrer']];
  return [];
}

/** Set on every kept image (one with a src), in this order; never taken from the input. */
export const IMAGE_ATTRIBUTES: readonly [name: string, value: string][] = [
  ['referrerpolicy', 'no-referrer'],
  ['loading', 'lazy'],
  ['decoding', 'async'],
];

/**
 * DOMPurify's default URI check, set explicitly in its configuration so the ingest applies the
 * very same test: every allowed attribute outside URI_SAFE_ATTRIBUTES must pass it, once the
 * characters in ATTR_WHITESPACE are taken out, or be empty.
 */
export const ALLOWED_URI_REGEXP =
  /^(?:(?:(?:f|ht)tps?|mailto|tel|callto|sms|cid|xmpp|matrix):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
// eslint-disable-next-line no-control-regex -- DOMPurify's ATTR_WHITESPACE, controls included
export const ATTR_WHITESPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;
/** Allowed attributes DOMPurify never URI-checks (its default URI_SAFE_ATTRIBUTES, ours only). */
export const URI_SAFE_ATTRIBUTES = new Set(['id', 'title', 'alt', 'value']);
/** DOMPurify (SAFE_FOR_XML) drops values that could close a comment or a raw-text element. */
const ATTR_VALUE_BREAKOUT =
  /((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i;

/**
 * passesDomPurifyValueChecks: whether DOMPurify keeps an allowed attribute with this (final)
 * value. It drops, silently, values that could break out of markup (`-->`, `]]>`, `</style`),
 * hold a self-closing `/>`, or, outside URI_SAFE_ATTRIBUTES, fail ALLOWED_URI_REGEXP. The ingest
 * drops the same ones, so the browser's pass finds nothing left to drop.
 */
export function passesDomPurifyValueChecks(name: string, value: string): boolean {
  if (ATTR_VALUE_BREAKOUT.test(value) || value.includes('/>')) return false;
  if (URI_SAFE_ATTRIBUTES.has(name) || value === '') return true;
  return ALLOWED_URI_REGEXP.test(value.replace(ATTR_WHITESPACE, ''));
}

/**
 * namedPropertyValue: an id as DOMPurify's SANITIZE_NAMED_PROPS leaves it: prefixed, unless it
 * already is. Every id in the output carries the prefix, so it cannot clobber a document property.
 */
export function namedPropertyValue(value: string): string {
  return value.startsWith(ID_PREFIX) ? value : ID_PREFIX + value;
}

/** No more `<` than the depth limit cannot nest past it: most articles skip the markup scan. */
function hasMoreStartTagsThan(html: string, limit: number): boolean {
  let count = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    count += 1;
    if (count > limit) return true;
  }
  return false;
}

/** toReport: the removal report of one sanitize call, kinds in code-point order. */
export function toReport(
  byKind: ReadonlyMap<string, number>,
  embeds: RemovalReport['embeds'],
): RemovalReport {
  const sorted = Object.fromEntries([...byKind].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const total = [...byKind.values()].reduce((sum, n) => sum + n, 0);
  return { total, byKind: sorted, embeds };
}
