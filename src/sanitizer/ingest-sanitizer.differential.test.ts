// @vitest-environment node
// The ingest's output is a fixed point of the browser's policy: DOMPurify (jsdom) with the
// reader's configuration finds nothing to change in it. See docs/security.md.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import {
  createBrowserOracle,
  expectBrowserFixedPoint,
  expectSameVisibleText,
  toMedia,
} from './differential-oracle';
import { sanitizeForIngest } from './ingest-sanitizer';
import type { SanitizeOptions } from './policy';
import { BENIGN_CASES, HOSTILE_CASES, hostileInput } from './policy-cases';

const oracle = createBrowserOracle();

function checkInput(input: string, options: SanitizeOptions = { resolveImageSrc: toMedia }) {
  const { html } = sanitizeForIngest(input, options);
  expectBrowserFixedPoint(html, oracle);
  expectSameVisibleText(input, html, oracle, options);
}

describe('policy cases', () => {
  test.each(HOSTILE_CASES)('hostile: $name', (hostile) => {
    checkInput(hostileInput(hostile), { resolveImageSrc: toMedia, ...hostile.options });
  });
  test.each(BENIGN_CASES)('benign: $name', ({ input, options }) => {
    checkInput(input, { resolveImageSrc: toMedia, ...options });
  });
});

const TAGS = [
  ...'p div span a b i em strong code pre table caption colgroup col thead tbody tfoot tr td th'.split(
    ' ',
  ),
  ...'ul ol li dl dt dd h1 h2 h6 ruby rt rp img picture source br hr figure figcaption q blockquote'.split(
    ' ',
  ),
  ...'svg math foreignObject mtext mglyph desc template noscript script style textarea title xmp'.split(
    ' ',
  ),
  ...'iframe noembed noframes plaintext object embed form input select option button font center'.split(
    ' ',
  ),
  ...'marquee applet x-widget details summary video audio dialog body frameset base meta link'.split(
    ' ',
  ),
];
/**
 * Tags whose nesting a parser rewrites, and wrappers the policy unwraps (marquee is a scope
 * boundary for the parser, so unwrapping it exposes nestings the parser would never build).
 */
const STRUCTURE_TAGS = 'p a b table tr td caption li ul dd dt h1 h2 pre ruby rt marquee font'.split(
  ' ',
);
const tagName = fc.oneof(
  { arbitrary: fc.constantFrom(...STRUCTURE_TAGS), weight: 3 },
  { arbitrary: fc.constantFrom(...TAGS), weight: 1 },
);

const ATTRIBUTE_NAMES = [
  ...'href src srcset id name title lang dir onclick onerror style class width height cite'.split(
    ' ',
  ),
  ...'target rel xlink:href value colspan headers start datetime alt type media sizes span'.split(
    ' ',
  ),
];
const ATTRIBUTE_VALUES = [
  'javascript:alert(1)',
  ' java\tscript:alert(1) ',
  '&#106;avascript&colon;x',
  'data:text/html,<script>alert(1)</script>',
  'https://news.example/a?b=1&amp;c=2',
  '//cdn.example/x,1.png 2x',
  'http://img.example/a.jpg',
  'photos/a.png',
  'mailto:desk@news.example',
  'tel:+86-10-1234',
  '#fn1',
  'x" onerror="y',
  "x' onload='y",
  '--><img src=x onerror=alert(1)>',
  ']]><svg onload=alert(1)>',
  '</style><img src=x>',
  'a/>b',
  '1',
  '0',
  '&amp;&lt;&quot;&nbsp;',
  '\u00a0x\u3000',
  'a\r\nb&#13;',
  'user-content-x',
  'location',
  'zh:cn',
  '',
];
const TEXTS = [
  '文字',
  'a < b & c > d',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&nbsp;&amp;&#0;&#13;&#x1F600;',
  '\n',
  '  ',
  '\r\n',
  'x\u0000y',
  '<!-- c <p> -->',
  '<![CDATA[<img src=x onerror=alert(1)>]]>',
  '<!doctype html>',
  '<?pi x?>',
  '</p>',
  '</td>',
  '</table>',
  '</a>',
  '</br>',
  '<',
  '&',
  '-->',
  '<a href=x',
];

const attribute = fc
  .tuple(
    fc.constantFrom(...ATTRIBUTE_NAMES),
    fc.oneof(fc.constantFrom(...ATTRIBUTE_VALUES), fc.string({ maxLength: 8 })),
    fc.constantFrom('"', "'", ''),
    fc.constantFrom('=', ' = ', '\n=\t'),
  )
  .map(([name, value, quote, equals]) =>
    quote === ''
      ? ` ${name}${equals}${value.replace(/[\s>"'=<`]/g, '') || '1'}`
      : ` ${name}${equals}${quote}${value.replaceAll(quote, '')}${quote}`,
  );

const { html: hostileHtml } = fc.letrec<{ html: string; node: string }>((tie) => ({
  html: fc.array(tie('node'), { maxLength: 6 }).map((nodes) => nodes.join('')),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 6 })),
    fc
      .tuple(
        tagName,
        fc.array(attribute, { maxLength: 3 }),
        tie('html'),
        fc.constantFrom('close', 'leave open', 'close twice', 'self-close'),
      )
      .map(([tag, attributes, content, end]) => {
        const start = `<${tag}${attributes.join('')}${end === 'self-close' ? '/' : ''}>`;
        const close =
          end === 'close' ? `</${tag}>` : end === 'close twice' ? `</${tag}></${tag}>` : '';
        return start + content + close;
      }),
    tagName.map((tag) => `</${tag}>`),
  ),
}));

/**
 * One element inside another with a wrapper between them that the parser treats as a scope
 * boundary (marquee) and the policy unwraps: the nestings a parser never builds itself.
 */
const nestedThroughWrapper = fc
  .tuple(fc.constantFrom(...STRUCTURE_TAGS), fc.constantFrom(...STRUCTURE_TAGS), hostileHtml)
  .map(
    ([outer, inner, content]) =>
      `<${outer}>a<marquee><${inner}>${content}</${inner}>b</marquee>c</${outer}>d`,
  );

describe('hostile HTML generated by fast-check', () => {
  test('nestings exposed by unwrapping come out a fixed point too', () => {
    fc.assert(
      fc.property(nestedThroughWrapper, (input) => {
        checkInput(input);
      }),
      { numRuns: 150 },
    );
  }, 600_000);

  test('comes out a fixed point of the browser policy, with the text DOMPurify keeps', () => {
    fc.assert(
      fc.property(hostileHtml, (input) => {
        checkInput(input);
      }),
      { numRuns: 200 },
    );
  }, 600_000);
});
