import { describe, expect, it } from 'vitest';
import { findPastedCode, isCodeLine } from './pasted-code';

describe('isCodeLine', () => {
  it.each([
    "var adScript = document.createElement('script');",
    'let x = 1;',
    "adScript.src = '//ads.example.com/loader.js';",
    "document.getElementsByTagName('head')[0].appendChild(adScript);",
    'window.adQueue.push({ slot: "side" });',
    '(function(){',
    '})();',
    '}',
    '!function(e){',
    'function loadAds() {',
    'if (window.ads) {',
    '<script type="text/javascript">',
    '</script>',
    '<style>',
    '.tech-quotation{padding:20px;background:url(//n.example.cn/q.png) no-repeat 0 0 #f4f4f4;}',
    '.tech-con p{margin-bottom:30px}',
    '.tech-con p a:visited{color: #4b729f !important;}',
    '@media (max-width: 600px) {',
    '{"slot": "side", "size": [300, 250]}',
    '// load the ad',
    '/* 广告位 */',
    'var title = "新闻";',
  ])('%s is code', (line) => {
    expect(isCodeLine(line)).toBe(true);
  });

  it.each([
    'The talks resumed (after a long pause); neither side expected much.',
    'Officials said: progress = patience; nothing more.',
    'if (anyone asks) the answer is still no;',
    '中方表示（详见附件）：各方应当保持克制；对话仍是唯一出路。',
    '拼多多(NASDAQ:PDD)宣布，将于美国东部时间公布财报；',
    'iPhone(XS)',
    'x = 1',
    '（完）',
    '页: [1]',
    'Note: the CSS rule a{color:red} was removed',
  ])('%s is prose', (line) => {
    expect(isCodeLine(line)).toBe(false);
  });
});

describe('findPastedCode', () => {
  it('drops every line of a multi-line script block', () => {
    const lines = [
      '第一段。',
      '(function(){',
      "var s = document.createElement('script');",
      "s.src = '//ads.example.com/a.js';",
      "document.getElementsByTagName('head')[0].appendChild(s);",
      '})();',
      '第二段。',
    ];
    expect(findPastedCode(lines)).toEqual([false, true, true, true, true, true, false]);
  });

  it('keeps an object spread over lines together, even lines that alone look like prose', () => {
    expect(findPastedCode(['var config = {', 'slot: side,', 'size: 300', '};', '正文。'])).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('runs a <script> line to its closing tag', () => {
    expect(findPastedCode(['<script>', 'anything at all', 'more', '</script>', '正文。'])).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('ends an unclosed block at the first line of prose', () => {
    expect(
      findPastedCode(['(function(){', 'var a = 1;', '美俄同意延长新约。', '第二段。']),
    ).toEqual([true, true, false, false]);
    expect(
      findPastedCode(['<script>', 'var a = 1;', 'The article resumes here after the ad.']),
    ).toEqual([true, true, false]);
  });
});
