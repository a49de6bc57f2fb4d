/**
 * Scrapers that saved web pages as plain text often kept the page's ad loaders and inline CSS
 * along with the article. These rules recognise such code by its shape; prose that merely
 * contains `;` or parentheses does not match, and any Chinese text outside string literals marks
 * a line as prose.
 */

/** Han, kana, Hangul, CJK punctuation and full-width forms. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

const STRING_LITERAL = /'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g;

/** The line with string literals emptied and comments removed: what the code shape is read from. */
function codeShape(line: string): string {
  return line
    .replace(STRING_LITERAL, '""')
    .replace(/\/\*.*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/, '$1')
    .trim();
}

const MARKUP_LINE = /^<\/?(?:script|style|noscript|link|meta)\b[^>]*>/i;
const COMMENT_LINE = /^(?:<!--|\/\/|\/\*|\*\/)|-->$/;
/** A sentence: capital first, sentence punctuation last, no code punctuation (and 4+ words). */
const ENGLISH_SENTENCE = /^["“'‘]?[A-Z][^{};=<>]*[.!?]["”'’]?$/;

function readsAsProse(line: string, shape: string): boolean {
  if (MARKUP_LINE.test(line)) return false;
  if (shape !== '' && CJK.test(shape)) return true;
  return ENGLISH_SENTENCE.test(line) && line.split(/\s+/).length >= 4;
}

/** An argument list, nesting one level deep; written so a failed match cannot backtrack long. */
const CALL = String.raw`\((?:[^()]|\([^()]*\))*\)`;

const CODE_SHAPES: readonly RegExp[] = [
  // var x = …; let/const declarations
  /^(?:var|let|const)\s+[\w$]+\s*(?:=|;|,|$)/,
  // function declarations and immediately invoked functions: `(function(){`, `!function(`
  /^(?:async\s+)?function\b\s*[\w$]*\s*\(/,
  /^[(!+~]\s*(?:function\b|\(\s*[\w$,\s]*\)\s*=>|async\b)/,
  // control flow opening a block
  /^(?:if|for|while|switch|catch)\s*\(.*\)\s*\{$/,
  /^(?:try|else|do|finally)\s*\{$/,
  /^\}\s*(?:else|catch|finally)\b.*\{$/,
  // assignment ending in a semicolon: `a.b[0] = …;`
  /^[\w$]+(?:\.[\w$]+|\[[^\]]*\])*\s*[-+*/|&]?=(?!=).*;$/,
  // call chain ending in a semicolon: `document.getElementsByTagName("")[0].appendChild(x);`
  new RegExp(String.raw`^[\w$]+(?:\.[\w$]+|\[[^\]]*\])*${CALL}(?:\.[\w$]+|\[[^\]]*\]|${CALL})*;$`),
  // nothing but brackets and separators: `})();`, `}`, `];`
  /^[{}()[\];,\s]+$/,
  // a CSS rule on one line, or its opening: `.tech-con p a:visited{color: #4b729f;}`
  /^(?:@[\w-]+[^{}]*|[.#]?[\w*-]+(?:\([^)]*\))?(?:(?:[\s>+~,]+[.#:]{0,2}|[.#:]{1,2})[\w*-]+(?:\([^)]*\))?)*)\s*\{(?:\s*[\w-]+\s*:[^{}]*)?\}?$/,
  // an object literal or JSON on one line: `{"a": 1}`
  /^\{\s*[\w$"]+\s*:.*\}[;,]?$/,
];

function bracketBalance(shape: string): number {
  let balance = 0;
  for (const char of shape) {
    if (char === '{' || char === '(' || char === '[') balance += 1;
    else if (char === '}' || char === ')' || char === ']') balance -= 1;
  }
  return balance;
}

/** isCodeLine: one trimmed line that is code by its shape (see CODE_SHAPES), never prose. */
export function isCodeLine(line: string): boolean {
  if (MARKUP_LINE.test(line) || COMMENT_LINE.test(line)) return true;
  const shape = codeShape(line);
  if (shape === '' || readsAsProse(line, shape)) return false;
  return CODE_SHAPES.some((pattern) => pattern.test(shape));
}

/**
 * findPastedCode: for trimmed, non-empty lines, which ones are code. A code line that opens more
 * brackets than it closes starts a block, and the following lines belong to it until the
 * brackets balance (so every line of `(function(){ … })();` goes); a `<script>` or `<style>`
 * line runs to its closing tag. A block ends early at a line that reads as prose (Chinese text
 * or an English sentence), so an unbalanced bracket cannot swallow the article.
 */
export function findPastedCode(lines: readonly string[]): boolean[] {
  const isCode = lines.map(() => false);
  let depth = 0;
  let closingTag: string | null = null;
  lines.forEach((line, index) => {
    const shape = codeShape(line);
    const prose = readsAsProse(line, shape);
    if (closingTag !== null) {
      if (prose && !line.toLowerCase().includes(closingTag)) {
        closingTag = null;
      } else {
        isCode[index] = true;
        if (line.toLowerCase().includes(closingTag)) closingTag = null;
        return;
      }
    }
    if (depth > 0) {
      if (prose) {
        depth = 0;
      } else {
        isCode[index] = true;
        depth = Math.max(0, depth + bracketBalance(shape));
        return;
      }
    }
    if (!isCodeLine(line)) return;
    isCode[index] = true;
    const opening = /^<(script|style|noscript)\b/i.exec(line);
    if (opening && !line.toLowerCase().includes(`</${opening[1]!.toLowerCase()}`)) {
      closingTag = `</${opening[1]!.toLowerCase()}`;
      return;
    }
    if (!MARKUP_LINE.test(line)) depth = Math.max(0, bracketBalance(shape));
  });
  return isCode;
}
