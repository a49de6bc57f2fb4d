import MarkdownIt from 'markdown-it';

// Raw HTML passes through to the sanitizer, which runs last on the rendered output.
const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

/** renderMarkdown: CommonMark to HTML; the result is unsanitized. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

const LEADING_HTML_BLOCK =
  /^<(?:div|p|section|article|figure|img|h[1-6]|table|ul|ol|blockquote|span|a|br|pre|header|main|center|font|strong|b|iframe|video|script|style)\b/i;

/**
 * looksLikeHtml: archivers store feed HTML verbatim in `.md` files; rendering that as Markdown
 * would turn its indented lines into code blocks, so a body that opens with an HTML element is
 * kept as HTML.
 */
export function looksLikeHtml(body: string): boolean {
  return LEADING_HTML_BLOCK.test(body.trimStart());
}
