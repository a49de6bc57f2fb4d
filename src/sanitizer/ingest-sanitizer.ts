import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { RemovalReport } from '../manifest/schema';
import {
  ALLOWED_TAGS,
  EMBED_URL_ATTRIBUTE,
  FORBID_CONTENTS,
  ID_PREFIX,
  IMAGE_ATTRIBUTES,
  REPORTED_TAGS,
  embedOf,
  flattenDeepNesting,
  isAttributeAllowed,
  isTrackingPixel,
  kindOfRemovedAttribute,
  linkTargetAttributes,
  passesDomPurifyValueChecks,
  rewriteAttributeValue,
  toReport,
  type SanitizeOptions,
} from './policy';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

/** What the ingest keeps of one body: the HTML, what was removed, and its text by block. */
export interface IngestSanitized {
  html: string;
  removed: RemovalReport;
  /** The text of each block of `html`, whitespace collapsed, empty ones left out. */
  paragraphs: string[];
}

export interface IngestSanitizer {
  sanitize(html: string, options?: SanitizeOptions): IngestSanitized;
}

/**
 * Elements whose start and end tags separate blocks of text (for excerpts, lengths, search). The
 * regex over stored bodies in ../ingest/derive/plain-text.ts splits at the same tags.
 */
export const TEXT_BLOCK_TAGS: readonly string[] =
  'p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote figure figcaption table tr td th pre section article header footer aside hr'.split(
    ' ',
  );

const ALLOWED = new Set(ALLOWED_TAGS);
const FORBIDDEN_WITH_CONTENT = new Set(FORBID_CONTENTS);
const TEXT_BLOCKS = new Set(TEXT_BLOCK_TAGS);
const VOID_TAGS = new Set(['br', 'hr', 'img', 'source', 'col']);
/** Allowed start tags that close an open `p` (in button scope) when a browser parses them. */
const CLOSES_P = new Set(
  'article aside blockquote div dl figcaption figure footer header ol p section ul h1 h2 h3 h4 h5 h6 pre hr table li dd dt'.split(
    ' ',
  ),
);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Allowed elements that bound the parser's scopes (button scope and default scope). */
const SCOPE_BOUNDARIES = new Set(['table', 'td', 'th', 'caption']);
/** Allowed elements the parser treats as "special": they stop its li/dd/dt closing walk. */
const SPECIAL = new Set(
  'article aside blockquote caption colgroup dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header li ol p pre section table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
/** Elements whose end tags a parser supplies itself before an rt or rp. */
const IMPLIED_END = new Set(['dd', 'dt', 'li', 'p', 'rp', 'rt']);
/** Where a parser moves non-whitespace text (and any other element) out of the table. */
const TABLE_CONTEXTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup']);
const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
/** The one parent each table part may have; anywhere else a parser would drop or move it. */
const TABLE_PART_PARENTS: Record<string, (parent: string | undefined) => boolean> = {
  caption: (parent) => parent === 'table',
  colgroup: (parent) => parent === 'table',
  thead: (parent) => parent === 'table',
  tbody: (parent) => parent === 'table',
  tfoot: (parent) => parent === 'table',
  tr: (parent) => parent !== undefined && TABLE_SECTIONS.has(parent),
  td: (parent) => parent === 'tr',
  th: (parent) => parent === 'tr',
  col: (parent) => parent === 'colgroup',
};
const ASCII_WHITESPACE_ONLY = /^[\t\n\f\r ]*$/;
/** DOMPurify drops an element with no child elements whose text and markup both look like tags. */
const MARKUP_PROBE = /<[/\w!]/;

interface OpenElement {
  tag: string;
  open: boolean;
}

/**
 * The output side: a stack of the elements written so far and still open, which decides, for
 * each element the policy keeps, whether a browser parsing the output would put it exactly
 * there. Where it would not (a block inside a `p`, an `li` inside an `li`, a table part outside
 * its table, a link inside a link), the output closes elements explicitly, as the parser would,
 * or leaves the tag out and keeps its content. So the output parses back into the tree it was
 * written from, in quirks and no-quirks mode alike, and the browser's DOMPurify pass finds
 * nothing to change (see ingest-sanitizer.differential.test.ts).
 */
class Output {
  html = '';
  readonly paragraphs: string[] = [];
  private readonly stack: OpenElement[] = [];
  private block = '';
  /** Right after `<pre>`, where a parser drops one leading newline. */
  private afterPreStart = false;

  currentTag(): string | undefined {
    return this.stack[this.stack.length - 1]?.tag;
  }

  /** Writes a start tag, or returns null and writes nothing if the tag cannot stand here. */
  open(tag: string, attributes: readonly [string, string][]): OpenElement | null {
    if (!this.fits(tag)) return null;
    this.closeImplied(tag);
    let startTag = `<${tag}`;
    for (const [name, value] of attributes) startTag += ` ${name}="${escapeAttribute(value)}"`;
    this.html += `${startTag}>`;
    this.afterPreStart = tag === 'pre';
    if (TEXT_BLOCKS.has(tag)) this.endBlock();
    if (VOID_TAGS.has(tag)) return null;
    const element = { tag, open: true };
    this.stack.push(element);
    return element;
  }

  close(element: OpenElement | null) {
    // Closed already when a later start tag closed it, as a parser would have.
    if (element === null || !element.open) return;
    this.closeFrom(this.stack.lastIndexOf(element));
  }

  text(raw: string) {
    const value = raw.includes('\r') || raw.includes('\0') ? normalizeText(raw) : raw;
    if (value === '') return;
    const parent = this.currentTag();
    if (parent !== undefined && TABLE_CONTEXTS.has(parent) && !ASCII_WHITESPACE_ONLY.test(value)) {
      return;
    }
    if (this.afterPreStart && value.startsWith('\n')) this.html += '\n';
    this.afterPreStart = false;
    this.html += escapeText(value);
    this.block += value;
  }

  finish(): { html: string; paragraphs: string[] } {
    this.closeFrom(0);
    this.endBlock();
    return { html: this.html, paragraphs: this.paragraphs };
  }

  private fits(tag: string): boolean {
    const parent = this.currentTag();
    if (parent === 'colgroup') return tag === 'col';
    const partParent = TABLE_PART_PARENTS[tag];
    if (partParent) return partParent(parent);
    if (parent !== undefined && TABLE_CONTEXTS.has(parent)) return false;
    // A link inside a link is closed by the parser (it is still an active formatting element).
    if (tag === 'a') return this.indexInScope('a', SCOPE_BOUNDARIES) === -1;
    return true;
  }

  private closeImplied(tag: string) {
    if (tag === 'li' || tag === 'dd' || tag === 'dt') {
      const closes = tag === 'li' ? ['li'] : ['dd', 'dt'];
      for (let index = this.stack.length - 1; index >= 0; index -= 1) {
        const open = this.stack[index]!.tag;
        if (closes.includes(open)) {
          this.closeFrom(index);
          break;
        }
        if (SPECIAL.has(open) && open !== 'div' && open !== 'p') break;
      }
    }
    if (CLOSES_P.has(tag)) {
      // Quirks mode (DOMPurify's DOMParser) keeps a table inside a p; closing it here explicitly
      // makes both modes agree.
      const p = this.indexInScope('p', SCOPE_BOUNDARIES);
      if (p !== -1) this.closeFrom(p);
    }
    const parent = this.currentTag();
    if (HEADINGS.has(tag) && parent !== undefined && HEADINGS.has(parent)) {
      this.closeFrom(this.stack.length - 1);
    }
    if ((tag === 'rt' || tag === 'rp') && this.indexInScope('ruby', SCOPE_BOUNDARIES) !== -1) {
      while (IMPLIED_END.has(this.currentTag() ?? '')) this.closeFrom(this.stack.length - 1);
    }
  }

  /** The stack index of the innermost open `tag` not hidden behind a scope boundary, or -1. */
  private indexInScope(tag: string, boundaries: ReadonlySet<string>): number {
    for (let index = this.stack.length - 1; index >= 0; index -= 1) {
      const open = this.stack[index]!.tag;
      if (open === tag) return index;
      if (boundaries.has(open)) return -1;
    }
    return -1;
  }

  private closeFrom(index: number) {
    while (this.stack.length > index) {
      const element = this.stack.pop()!;
      element.open = false;
      this.html += `</${element.tag}>`;
      if (TEXT_BLOCKS.has(element.tag)) this.endBlock();
    }
    this.afterPreStart = false;
  }

  private endBlock() {
    const text = this.block.replace(/\s+/g, ' ').trim();
    if (text !== '') this.paragraphs.push(text);
    this.block = '';
  }
}

function normalizeText(value: string): string {
  // The parser drops NUL from body text; so do we.
  return value.replace(/\r\n?/g, '\n').replace(/\0/g, '');
}

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\u00a0': '&nbsp;',
  '"': '&quot;',
};

/** Text content: `& < >` and NBSP escaped, so no character can start markup. */
function escapeText(value: string): string {
  return /[&<>\u00a0]/.test(value) ? value.replace(/[&<>\u00a0]/g, (c) => TEXT_ESCAPES[c]!) : value;
}

/**
 * A double-quoted attribute value: `& " < >` and NBSP escaped (`<` and `>` too, as browsers now
 * serialize them, so no later regex or older parser can read a tag inside a value).
 */
function escapeAttribute(raw: string): string {
  const value = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return /[&"<>\u00a0]/.test(value)
    ? value.replace(/[&"<>\u00a0]/g, (c) => TEXT_ESCAPES[c]!)
    : value;
}

/** One sanitize call's tally, as the DOMPurify hooks keep it in article-policy.ts. */
interface Run {
  out: Output;
  byKind: Map<string, number>;
  embeds: RemovalReport['embeds'];
  resolveImageSrc: SanitizeOptions['resolveImageSrc'];
}

function count(run: Run, kind: string) {
  run.byKind.set(kind, (run.byKind.get(kind) ?? 0) + 1);
}

function countRemovedAttribute(run: Run, name: string, value: string) {
  const kind = kindOfRemovedAttribute(name, value);
  if (kind) count(run, kind);
}

function attributeOf(element: Element, name: string): string | null {
  for (const attribute of element.attrs) if (attribute.name === name) return attribute.value;
  return null;
}

function isElementNode(node: DefaultTreeAdapterTypes.ChildNode): node is Element {
  return 'tagName' in node;
}

/**
 * DOMPurify's mXSS probe: an element with no child element whose text and serialized markup
 * both hold something tag-like. Among the elements this walk can reach, only a comment child
 * makes the markup differ from the (escaped) text.
 */
function isRemovedAsMarkupInText(element: Element): boolean {
  let text = '';
  let hasComment = false;
  for (const child of element.childNodes) {
    if (isElementNode(child)) return false;
    if (child.nodeName === '#text') text += child.value;
    else if (child.nodeName === '#comment') hasComment = true;
  }
  return hasComment && MARKUP_PROBE.test(text);
}

function embedOfElement(element: Element, tag: string): RemovalReport['embeds'][number] | null {
  const attribute = EMBED_URL_ATTRIBUTE[tag];
  if (!attribute) return null;
  const sources = [attributeOf(element, attribute)];
  if (tag === 'video' || tag === 'audio') {
    for (const child of element.childNodes) {
      if (isElementNode(child) && child.tagName === 'source') {
        const src = attributeOf(child, 'src');
        if (src !== null) sources.push(src);
      }
    }
  }
  return embedOf(tag, sources);
}

/**
 * The attributes an allowed element keeps, with DOMPurify's semantics: values trimmed (except
 * `value`), checked from the last to the first, removals counted by the same rules, an id
 * given the prefix moved to the end, and the values DOMPurify drops silently dropped too.
 */
function keptAttributes(run: Run, element: Element, tag: string): [string, string][] {
  const attributes: [string, string][] = element.attrs.map(({ name, value }) => [name, value]);
  if (tag === 'a') {
    // Old archives mark footnotes with <a name>; as an id (prefixed like every id) it stays a target.
    const name = attributeOf(element, 'name');
    if (name && attributeOf(element, 'id') === null) attributes.push(['id', name]);
  }
  const kept: [string, string][] = [];
  const moved: [string, string][] = [];
  for (let index = attributes.length - 1; index >= 0; index -= 1) {
    const [name, raw] = attributes[index]!;
    const trimmed = name === 'value' ? raw : raw.trim();
    if (!isAttributeAllowed(tag, name)) {
      countRemovedAttribute(run, name, trimmed);
      continue;
    }
    let value = rewriteAttributeValue(name, trimmed, run.resolveImageSrc);
    if (value === null) {
      countRemovedAttribute(run, name, trimmed);
      continue;
    }
    const prefixed = name === 'id' && !value.startsWith(ID_PREFIX);
    if (prefixed) value = ID_PREFIX + value;
    if (!passesDomPurifyValueChecks(name, value)) continue;
    if (prefixed) moved.push([name, value]);
    else kept[index] = [name, value];
  }
  // `kept` has holes where attributes were dropped; filter skips them.
  return [...kept.filter(Boolean), ...moved];
}

function walkChildren(run: Run, parent: ParentNode, insideReported: boolean) {
  for (const child of parent.childNodes) {
    if (child.nodeName === '#text') {
      run.out.text((child as DefaultTreeAdapterTypes.TextNode).value);
    } else if (isElementNode(child)) {
      if (ALLOWED.has(child.tagName)) walkAllowed(run, child, child.tagName, insideReported);
      else walkRemoved(run, child, child.tagName, insideReported);
    }
    // Comments and doctypes are dropped.
  }
}

function walkAllowed(run: Run, element: Element, tag: string, insideReported: boolean) {
  // Outside <picture> a source only feeds media elements, which are gone.
  if (tag === 'source' && run.out.currentTag() !== 'picture') return;
  if (
    tag === 'img' &&
    isTrackingPixel(attributeOf(element, 'width'), attributeOf(element, 'height'))
  ) {
    count(run, 'tracking-pixel');
    return;
  }
  if (isRemovedAsMarkupInText(element)) return;
  const attributes = keptAttributes(run, element, tag);
  if (tag === 'a') {
    const href = attributes.find(([name]) => name === 'href')?.[1] ?? null;
    attributes.push(...linkTargetAttributes(href));
  } else if (tag === 'img') {
    if (!attributes.some(([name]) => name === 'src')) return;
    attributes.push(...IMAGE_ATTRIBUTES);
  }
  const opened = run.out.open(tag, attributes);
  walkChildren(run, element, insideReported);
  run.out.close(opened);
}

/**
 * An element outside the allowlist: reported once if it is one a reader should hear about (its
 * descendants are not reported again), its frame or media source kept as an embed link, and
 * then removed with its content or unwrapped, exactly as the DOMPurify hooks decide.
 */
function walkRemoved(run: Run, element: Element, tag: string, insideReported: boolean) {
  const embed = embedOfElement(element, tag);
  if (embed) run.embeds.push(embed);
  let reported = insideReported;
  if (!insideReported) {
    if (REPORTED_TAGS.has(tag)) {
      count(run, tag);
      reported = true;
    } else {
      for (const { name, value } of element.attrs) countRemovedAttribute(run, name, value);
    }
  }
  // svg and math are removed whole here, so no foreign (SVG/MathML) element is ever walked.
  if (FORBIDDEN_WITH_CONTENT.has(tag) || isRemovedAsMarkupInText(element)) return;
  walkChildren(run, element, reported);
}

/** The attributes a stray `<body>` tag put on the body: DOMPurify reports them too. */
function countBodyAttributes(run: Run, body: Element) {
  for (const { name, value } of body.attrs) {
    const trimmed = value.trim();
    if (
      !isAttributeAllowed('body', name) ||
      rewriteAttributeValue(name, trimmed, run.resolveImageSrc) === null
    ) {
      countRemovedAttribute(run, name, trimmed);
    }
  }
}

function findBody(document: DefaultTreeAdapterTypes.Document): Element | null {
  for (const html of document.childNodes) {
    if (!isElementNode(html) || html.tagName !== 'html') continue;
    for (const child of html.childNodes) {
      if (isElementNode(child) && child.tagName === 'body') return child;
    }
  }
  return null;
}

/**
 * sanitizeForIngest: the article policy without a DOM. parse5 (the HTML standard's parser, the
 * one jsdom uses) builds the same tree DOMPurify's DOMParser would (body context, quirks mode,
 * scripting off); one walk applies the policy from ./policy with the same hooks' semantics and
 * writes the output itself: every text and attribute value escaped, only allowlisted HTML
 * elements and attributes, no comment, raw-text or foreign element, structure that parses back
 * unchanged. The same walk collects the text of each block.
 */
export function sanitizeForIngest(html: string, options: SanitizeOptions = {}): IngestSanitized {
  const flat = flattenDeepNesting(html);
  const run: Run = {
    out: new Output(),
    byKind: new Map(),
    embeds: [],
    resolveImageSrc: options.resolveImageSrc,
  };
  if (flat.flattened) count(run, 'deep-nesting');
  // What DOMPurify's FORCE_BODY does: everything, even a leading <meta> or <style>, is parsed
  // in the body, where it is seen and reported; the marker element itself is skipped.
  const document = parse(`<remove></remove>${flat.html}`, { scriptingEnabled: false });
  const body = findBody(document);
  if (body !== null) {
    countBodyAttributes(run, body);
    const [marker] = body.childNodes;
    if (marker !== undefined && isElementNode(marker) && marker.tagName === 'remove') {
      body.childNodes.shift();
    }
    walkChildren(run, body, false);
  }
  const { html: sanitized, paragraphs } = run.out.finish();
  return { html: sanitized, paragraphs, removed: toReport(run.byKind, run.embeds) };
}

/** createIngestSanitizer: the ingest's sanitizer; stateless, so one serves a whole thread. */
export function createIngestSanitizer(): IngestSanitizer {
  return { sanitize: sanitizeForIngest };
}
