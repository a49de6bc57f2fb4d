// Case tables shared by the jsdom (browser) and Node (ingest) test files; test support only.
import { JSDOM } from 'jsdom';
import { expect } from 'vitest';
import type { RemovalReport } from '../manifest/schema';
import type { SanitizeOptions } from './policy';

/** Either implementation of the policy: DOMPurify (browser) or the ingest's parse5 walk. */
export interface PolicySanitizer {
  sanitize(html: string, options?: SanitizeOptions): { html: string; removed: RemovalReport };
}

/** Benign text placed before every payload; it must come out untouched. */
export const BENIGN = '<p>保留的文字</p>';

export interface HostileCase {
  name: string;
  payload: string;
  /** Put the payload before BENIGN, where a parser would otherwise move it into <head>. */
  leading?: boolean;
  /** Substrings of the payload that must not survive. */
  gone: string[];
  /** Substrings that must survive besides BENIGN. */
  kept?: string[];
  /** The exact byKind the report must hold. */
  removed: RemovalReport['byKind'];
  embeds?: RemovalReport['embeds'];
  options?: SanitizeOptions;
}

const IMG = 'https://img.example/a.jpg';

/**
 * Hostile inputs, each next to BENIGN. Shapes of public DOMPurify bypasses are marked as such; the
 * mXSS ones matter because the reader sanitizes again and the browser re-parses the output.
 */
export const HOSTILE_CASES: HostileCase[] = [
  // Scripts in all forms
  {
    name: 'inline script',
    payload: '<script>alert(1)</script>',
    gone: ['alert'],
    removed: { script: 1 },
  },
  {
    name: 'uppercase external script',
    payload: '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
    gone: ['evil.example'],
    removed: { script: 1 },
  },
  {
    name: 'module script',
    payload: '<script type="module">import("https://evil.example/m.js")</script>',
    gone: ['import'],
    removed: { script: 1 },
  },
  {
    name: 'self-closing script swallows the rest as script text',
    payload: '<script src="https://evil.example/x.js" /><p>被吞掉</p>',
    gone: ['evil.example', '被吞掉'],
    removed: { script: 1 },
  },
  {
    name: 'script split by a nested tag',
    payload: '<scr<script>ipt>alert(1)</script>',
    gone: ['<script', '<scr'],
    kept: ['ipt&gt;alert(1)'],
    removed: {},
  },
  {
    name: 'script inside a table row',
    payload: '<table><tr><td>表格</td><script>alert(1)</script></tr></table>',
    gone: ['alert'],
    kept: ['<td>表格</td>'],
    removed: { script: 1 },
  },
  {
    name: 'script hidden in a comment inside script',
    payload: '<script><!--\nalert(1)//--></script><p>之后</p>',
    gone: ['alert'],
    kept: ['<p>之后</p>'],
    removed: { script: 1 },
  },
  {
    name: 'script inside an unknown wrapper',
    payload: '<font color=red>红字<script>alert(1)</script></font>',
    gone: ['alert', 'font', 'color'],
    kept: ['红字'],
    removed: { script: 1 },
  },

  // Event handlers on many elements
  {
    name: 'onerror on a kept image',
    payload: `<img src="${IMG}" onerror="alert(1)">`,
    gone: ['onerror', 'alert'],
    kept: [`src="${IMG}"`],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'classic img src=x onerror',
    payload: '<img src=x onerror=alert(1)>',
    gone: ['<img', 'alert'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'onclick on a paragraph',
    payload: '<p onclick="alert(1)">可点击</p>',
    gone: ['onclick'],
    kept: ['<p>可点击</p>'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'onmouseover on a link',
    payload: '<a href="https://news.example/" onmouseover="alert(1)">链接</a>',
    gone: ['onmouseover', 'alert'],
    kept: ['链接</a>'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'onload on a stray body tag',
    payload: '<body onload=alert(1)><p>正文</p>',
    gone: ['onload', 'alert', '<body'],
    kept: ['<p>正文</p>'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'mixed-case handlers',
    payload: '<div ONMOUSEOVER="alert(1)" OnFocus="alert(2)">大写</div>',
    gone: ['alert', 'onmouseover', 'onfocus'],
    kept: ['<div>大写</div>'],
    removed: { 'event-handler': 2 },
  },
  {
    name: 'ontoggle on details (details is unwrapped)',
    payload: '<details open ontoggle=alert(1)><summary>摘要</summary>内容</details>',
    gone: ['ontoggle', '<details', '<summary'],
    kept: ['摘要', '内容'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'onstart on marquee (marquee is unwrapped)',
    payload: '<marquee onstart=alert(1)>滚动</marquee>',
    gone: ['marquee', 'onstart'],
    kept: ['滚动'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'onmouseover on a table',
    payload: '<table onmouseover=alert(1)><tr><td>单元格</td></tr></table>',
    gone: ['onmouseover'],
    kept: ['<td>单元格</td>'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'onanimationstart on blockquote',
    payload: '<blockquote onanimationstart=alert(1)>引文</blockquote>',
    gone: ['onanimationstart'],
    kept: ['<blockquote>引文</blockquote>'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'onfocus with tabindex on time',
    payload: '<time onfocus=alert(1) tabindex=1 datetime="2021-07-29">七月</time>',
    gone: ['onfocus', 'tabindex'],
    kept: ['<time datetime="2021-07-29">七月</time>'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'handler on a custom element',
    payload: '<x-widget onpointerenter=alert(1)>自定义</x-widget>',
    gone: ['x-widget', 'onpointerenter'],
    kept: ['自定义'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'contenteditable heading with onbeforecopy',
    payload: '<h2 onbeforecopy=alert(1) contenteditable>标题</h2>',
    gone: ['onbeforecopy', 'contenteditable'],
    kept: ['<h2>标题</h2>'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'onerror on a picture source',
    payload: `<picture><source srcset="${IMG}" onerror=alert(1)><img src="${IMG}"></picture>`,
    gone: ['onerror'],
    kept: [`<source srcset="${IMG}">`],
    removed: { 'event-handler': 1 },
  },

  // Script-capable URLs with case, entity, whitespace, control-character and Unicode obfuscation
  {
    name: 'javascript: href',
    payload: '<a href="javascript:alert(1)">链接文字</a>',
    gone: ['javascript', 'href'],
    kept: ['<a>链接文字</a>'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'mixed-case scheme',
    payload: '<a href="JaVaScRiPt:alert(1)">链接</a>',
    gone: ['alert'],
    kept: ['<a>链接</a>'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'tab inside the scheme',
    payload: '<a href="java\tscript:alert(1)">链接</a>',
    gone: ['alert'],
    kept: ['<a>链接</a>'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'encoded tab and newline inside the scheme',
    payload: '<a href="jav&#x09;ascr&#x0A;ipt:alert(1)">链接</a>',
    gone: ['alert'],
    kept: ['<a>链接</a>'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'decimal entity for the first letter',
    payload: '<a href="&#106;avascript:alert(1)">链接</a>',
    gone: ['alert'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'hex entities and &colon;',
    payload: '<a href="&#x6A;&#x61;vascript&colon;alert(1)">链接</a>',
    gone: ['alert'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'leading spaces and control characters',
    payload: '<a href=" &#x01;&#x1F; javascript:alert(1)">链接</a>',
    gone: ['alert'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'entity-encoded newline before the colon',
    payload: '<a href="javascript&NewLine;:alert(1)">链接</a>',
    gone: ['alert'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'zero-width space inside the scheme',
    payload: '<a href="java&#x200B;script:alert(1)">链接</a>',
    gone: ['alert'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'full-width scheme',
    payload: '<a href="ｊａｖａｓｃｒｉｐｔ：alert(1)">链接</a>',
    gone: ['alert'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'vbscript: href',
    payload: '<a href="vbscript:msgbox(1)">链接</a>',
    gone: ['msgbox'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'data:text/html href',
    payload: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">链接</a>',
    gone: ['data:', 'base64'],
    kept: ['<a>链接</a>'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'javascript: img src',
    payload: '<img src="javascript:alert(1)" alt="图">',
    gone: ['<img', 'alert'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'data:image/svg+xml img src',
    payload: '<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">',
    gone: ['<img', 'svg'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'data:image/png img src is dropped too',
    payload: '<img src="data:image/png;base64,iVBORw0KGgo=">',
    gone: ['<img', 'base64'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'javascript: in blockquote cite',
    payload: '<blockquote cite="javascript:alert(1)">引用</blockquote>',
    gone: ['cite', 'alert'],
    kept: ['<blockquote>引用</blockquote>'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'javascript: candidate in srcset',
    payload: `<img src="${IMG}" srcset="${IMG} 1x, javascript:alert(1) 2x">`,
    gone: ['srcset', 'alert'],
    kept: [`src="${IMG}"`],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'javascript: table background',
    payload: '<table background="javascript:alert(1)"><tr><td>格</td></tr></table>',
    gone: ['background', 'alert'],
    kept: ['<td>格</td>'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'xlink:href on an HTML link',
    payload: '<a xlink:href="javascript:alert(1)">链接</a>',
    gone: ['xlink', 'alert'],
    kept: ['<a>链接</a>'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'percent-encoded scheme is just a relative link',
    payload: '<a href="%6Aavascript:alert(1)">链接</a>',
    gone: ['alert'],
    kept: ['<a>链接</a>'],
    removed: {},
  },

  // Frames and plugins
  {
    name: 'iframe with an http(s) src becomes an embed link',
    payload: '<iframe src="https://www.youtube.com/embed/abc123" width="560"></iframe>',
    gone: ['<iframe', 'youtube'],
    removed: { iframe: 1 },
    embeds: [{ kind: 'iframe', url: 'https://www.youtube.com/embed/abc123' }],
  },
  {
    name: 'iframe srcdoc',
    payload: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    gone: ['srcdoc', 'alert'],
    removed: { iframe: 1 },
  },
  {
    name: 'javascript: iframe gives no embed link',
    payload: '<iframe src="javascript:alert(1)"></iframe>',
    gone: ['alert'],
    removed: { iframe: 1 },
  },
  {
    name: 'object with fallback and params',
    payload:
      '<object data="https://evil.example/x.swf"><param name=movie value=x>后备内容</object>',
    gone: ['<object', '<param', '后备内容'],
    removed: { object: 1 },
    embeds: [{ kind: 'object', url: 'https://evil.example/x.swf' }],
  },
  {
    name: 'object with a data: document',
    payload: '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    gone: ['data:'],
    removed: { object: 1 },
  },
  {
    name: 'embed',
    payload: '<embed src="https://media.example/clip.swf" type="application/x-shockwave-flash">',
    gone: ['<embed'],
    removed: { embed: 1 },
    embeds: [{ kind: 'embed', url: 'https://media.example/clip.swf' }],
  },
  {
    name: 'embed with a javascript: src',
    payload: '<embed src="javascript:alert(1)">',
    gone: ['alert'],
    removed: { embed: 1 },
  },
  {
    name: 'applet',
    payload: '<applet code="Evil.class" codebase="https://evil.example/">小程序</applet>',
    gone: ['applet', 'Evil', '小程序'],
    removed: { applet: 1 },
  },
  {
    name: 'frameset and frame after content are ignored by the parser',
    payload: '<frameset><frame src="https://evil.example/"></frameset>',
    gone: ['frame', 'evil.example'],
    removed: {},
  },

  // Forms and controls
  {
    name: 'form with three inputs counts once and keeps its text',
    payload:
      '<form action="https://evil.example/"><input name=q><input type=submit><input type=hidden value=1><p>表单里的文字</p></form>',
    gone: ['<form', '<input', 'action'],
    kept: ['<p>表单里的文字</p>'],
    removed: { form: 1 },
  },
  {
    name: 'iframe inside a form still leaves an embed link',
    payload: '<form><p>表单</p><iframe src="https://video.example/embed/1"></iframe></form>',
    gone: ['<form', '<iframe'],
    kept: ['<p>表单</p>'],
    removed: { form: 1 },
    embeds: [{ kind: 'iframe', url: 'https://video.example/embed/1' }],
  },
  {
    name: 'button with formaction',
    payload: '<button formaction="javascript:alert(1)">点我</button>',
    gone: ['button', 'formaction', '点我'],
    removed: { button: 1 },
  },
  {
    name: 'input type=image',
    payload: '<input type=image src="https://evil.example/x.png">',
    gone: ['<input', 'evil.example'],
    removed: { input: 1 },
  },
  {
    name: 'autofocus input with onfocus',
    payload: '<input onfocus=alert(1) autofocus>',
    gone: ['<input', 'alert'],
    removed: { input: 1 },
  },
  {
    name: 'select with options',
    payload: '<select><option>选项一</option><option>选项二</option></select>',
    gone: ['select', 'option', '选项'],
    removed: { select: 1 },
  },
  {
    name: 'form with a formaction button inside counts once',
    payload: '<form><button formaction=javascript:alert(1)>提交</button></form>',
    gone: ['form', 'button', '提交'],
    removed: { form: 1 },
  },
  {
    name: 'obsolete isindex is an unknown element with a javascript: action',
    payload: '<isindex action="javascript:alert(1)" type=image>',
    gone: ['isindex', 'alert'],
    removed: { 'unsafe-url': 1 },
  },
  {
    name: 'label and fieldset are unwrapped quietly',
    payload: '<fieldset><legend>图例</legend><label for=x>标签</label></fieldset>',
    gone: ['fieldset', 'legend', 'label', 'for='],
    kept: ['图例', '标签'],
    removed: {},
  },

  // base, meta, link and style elements
  {
    name: 'base href',
    payload: '<base href="https://evil.example/">',
    gone: ['<base', 'evil.example'],
    removed: { base: 1 },
  },
  {
    name: 'meta refresh to javascript:',
    payload: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    gone: ['<meta', 'refresh'],
    removed: { meta: 1 },
  },
  {
    name: 'leading meta refresh',
    payload: '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    leading: true,
    gone: ['<meta', 'refresh'],
    removed: { meta: 1 },
  },
  {
    name: 'leading style and title',
    payload: '<title>标题</title><style>body { display: none }</style>',
    leading: true,
    gone: ['<title', '标题', 'display'],
    removed: { style: 1 },
  },
  {
    name: 'stylesheet link',
    payload: '<link rel=stylesheet href="https://evil.example/x.css">',
    gone: ['<link', 'evil.example'],
    removed: { link: 1 },
  },
  {
    name: 'style element with @import',
    payload: "<style>@import 'https://evil.example/x.css';</style>",
    gone: ['@import', 'evil.example'],
    removed: { style: 1 },
  },
  {
    name: 'style element with url(javascript:)',
    payload: '<style>p { background: url(javascript:alert(1)) }</style>',
    gone: ['background', 'alert'],
    removed: { style: 1 },
  },

  // Inline style
  {
    name: 'inline style with url(javascript:)',
    payload: '<p style="background:url(javascript:alert(1))">样式</p>',
    gone: ['style', 'alert'],
    kept: ['<p>样式</p>'],
    removed: { style: 1 },
  },
  {
    name: 'inline style with expression()',
    payload: '<div style="width: expression(alert(1))">表达式</div>',
    gone: ['expression'],
    kept: ['<div>表达式</div>'],
    removed: { style: 1 },
  },
  {
    name: 'inline style overlay for phishing',
    payload: '<p style="position:fixed;inset:0;z-index:9999">覆盖全屏</p>',
    gone: ['position'],
    kept: ['<p>覆盖全屏</p>'],
    removed: { style: 1 },
  },

  // SVG
  {
    name: 'svg onload',
    payload: '<svg onload=alert(1)>',
    gone: ['svg', 'alert'],
    removed: { svg: 1 },
  },
  {
    name: 'svg image href',
    payload: '<svg><image href="javascript:alert(1)"/></svg>',
    gone: ['image', 'alert'],
    removed: { svg: 1 },
  },
  {
    name: 'svg feImage',
    payload: '<svg><filter id=f><feImage xlink:href="https://evil.example/x.svg"/></filter></svg>',
    gone: ['feImage', 'evil.example'],
    removed: { svg: 1 },
  },
  {
    name: 'svg use with a data: href',
    payload: '<svg><use href="data:image/svg+xml,&lt;svg id=x&gt;&lt;/svg&gt;#x"/></svg>',
    gone: ['use', 'data:'],
    removed: { svg: 1 },
  },
  {
    name: 'svg fill url()',
    payload: '<svg><rect width=10 height=10 fill="url(https://evil.example/#p)"/></svg>',
    gone: ['rect', 'evil.example'],
    removed: { svg: 1 },
  },
  {
    name: 'svg animate of href',
    payload:
      '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>点这里</text></a></svg>',
    gone: ['animate', 'alert', '点这里'],
    removed: { svg: 1 },
  },
  {
    name: 'svg set of href',
    payload: '<svg><a><set attributeName=href to=javascript:alert(1) /><circle r=40 /></a></svg>',
    gone: ['<set', 'alert'],
    removed: { svg: 1 },
  },
  {
    name: 'svg foreignObject smuggling HTML',
    payload:
      '<svg><foreignObject><p>异物</p><iframe src="https://evil.example/"></iframe></foreignObject></svg>',
    gone: ['foreignObject', '异物', 'iframe'],
    removed: { svg: 1 },
  },
  {
    name: 'svg script',
    payload: '<svg><script>alert(1)</script></svg>',
    gone: ['script', 'alert'],
    removed: { svg: 1 },
  },

  // MathML and namespace confusion
  {
    name: 'maction xlink:href',
    payload:
      '<math><maction actiontype=statusline xlink:href="javascript:alert(1)">点</maction></math>',
    gone: ['maction', 'alert'],
    removed: { math: 1 },
  },
  {
    name: 'mtext table mglyph style (public bypass shape)',
    payload: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    gone: ['mglyph', 'onerror', '<style'],
    removed: { math: 1 },
  },
  {
    name: 'form/math/mglyph confusion (DOMPurify 2.0.0 bypass shape)',
    payload: '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
    gone: ['mglyph', 'onerror', '<style'],
    removed: { form: 1 },
  },
  {
    name: 'math mi mglyph svg mtext textarea (DOMPurify 2.2.2 bypass shape)',
    payload:
      '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
    gone: ['onerror', 'textarea', 'path'],
    removed: { math: 1 },
  },
  {
    name: 'svg breaks out with </p> and style (DOMPurify 2.0.17 bypass shape)',
    payload: '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    gone: ['onerror', '<style', '<svg'],
    removed: { svg: 1, style: 1, 'event-handler': 1 },
  },
  {
    name: 'math link',
    payload: '<math><mi><a href="javascript:alert(1)">x</a></mi></math>',
    gone: ['alert'],
    removed: { math: 1 },
  },

  // Mutation XSS through raw-text and fallback containers
  {
    name: 'noscript title breakout',
    payload: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    gone: ['noscript', 'onerror'],
    removed: { noscript: 1 },
  },
  {
    name: 'iframe inside noscript',
    payload: '<noscript><iframe src="https://evil.example/"></iframe></noscript>',
    gone: ['iframe', 'evil.example'],
    removed: { noscript: 1 },
  },
  {
    name: 'style with markup inside',
    payload: '<style><img src=x onerror=alert(1)></style>',
    gone: ['onerror'],
    removed: { style: 1 },
  },
  {
    name: 'template content',
    payload: '<template><img src=x onerror=alert(1)><script>alert(2)</script></template>',
    gone: ['template', 'onerror', 'script'],
    removed: { template: 1 },
  },
  {
    name: 'textarea title breakout',
    payload: '<textarea><p title="</textarea><img src=x onerror=alert(1)>">',
    gone: ['textarea', 'onerror', '<img'],
    removed: { textarea: 1, 'event-handler': 1 },
  },
  {
    name: 'title breakout',
    payload: '<title><p title="</title><img src=x onerror=alert(1)>">',
    gone: ['<title', 'onerror', '<img'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'xmp breakout',
    payload: '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
    gone: ['xmp', 'onerror', '<img'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'iframe breakout',
    payload: '<iframe><p title="</iframe><img src=x onerror=alert(1)>">',
    gone: ['iframe', 'onerror', '<img'],
    removed: { iframe: 1, 'event-handler': 1 },
  },
  {
    name: 'noembed breakout',
    payload: '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
    gone: ['noembed', 'onerror', '<img'],
    removed: { 'event-handler': 1 },
  },
  {
    name: 'comment holding markup',
    payload: '<!--<img src=x onerror=alert(1)>--><p>之后</p>',
    gone: ['<!--', 'onerror'],
    kept: ['<p>之后</p>'],
    removed: {},
  },
  {
    name: 'IE conditional comment with script',
    payload: '<!--[if IE]><script>alert(1)</script><![endif]--><p>之后</p>',
    gone: ['[if IE]', 'script'],
    kept: ['<p>之后</p>'],
    removed: {},
  },
  {
    name: 'downlevel-revealed conditional comment',
    payload: '<![if !IE]><p>非IE</p><![endif]>',
    gone: ['[if', 'endif'],
    kept: ['<p>非IE</p>'],
    removed: {},
  },
  {
    name: 'CDATA in HTML is a bogus comment',
    payload: '<![CDATA[<img src=x onerror=alert(1)>]]>',
    gone: ['CDATA', 'onerror'],
    removed: {},
  },

  // ping, srcdoc, poster, background, crossorigin and other extra attributes
  {
    name: 'ping on a link',
    payload: '<a href="https://news.example/" ping="https://tracker.example/">链接</a>',
    gone: ['ping', 'tracker'],
    kept: ['href="https://news.example/"'],
    removed: {},
  },
  {
    name: 'video poster with javascript:',
    payload: '<video poster="javascript:alert(1)" src="https://media.example/v.mp4"></video>',
    gone: ['video', 'poster'],
    removed: { video: 1 },
    embeds: [{ kind: 'video', url: 'https://media.example/v.mp4' }],
  },
  {
    name: 'table background and bgcolor',
    payload:
      '<table background="https://evil.example/bg.png" bgcolor="red" style="color:red"><tr><td bgcolor=blue>格</td></tr></table>',
    gone: ['background', 'bgcolor', 'color'],
    kept: ['<td>格</td>'],
    removed: { style: 1 },
  },
  {
    name: 'crossorigin on an image',
    payload: `<img src="${IMG}" crossorigin="use-credentials">`,
    gone: ['crossorigin'],
    kept: [`src="${IMG}"`],
    removed: {},
  },
  {
    name: 'longdesc and usemap on an image',
    payload: `<img src="${IMG}" usemap="#m" longdesc="javascript:alert(1)"><map name=m><area href="javascript:alert(2)"></map>`,
    gone: ['usemap', 'longdesc', 'alert', '<map', '<area'],
    kept: [`src="${IMG}"`],
    removed: { 'unsafe-url': 2 },
  },
  {
    name: 'class, data-*, aria-* and role are dropped',
    payload: '<p class="ad" data-bind="html: evil" aria-hidden="true" role="button">属性</p>',
    gone: ['class', 'data-bind', 'aria-hidden', 'role'],
    kept: ['<p>属性</p>'],
    removed: {},
  },

  // DOM clobbering by id and name
  {
    name: 'img name=getElementById',
    payload: `<img name=getElementById src="${IMG}">`,
    gone: ['name=', 'getElementById'],
    kept: [`src="${IMG}"`],
    removed: {},
  },
  {
    name: 'form id=document',
    payload: '<form id=document><p>文字</p></form>',
    gone: ['<form', 'id="document"'],
    kept: ['<p>文字</p>'],
    removed: { form: 1 },
  },
  {
    name: 'a id=location',
    payload: '<a id=location href="https://news.example/">链接</a>',
    gone: ['id="location"'],
    kept: ['id="user-content-location"'],
    removed: {},
  },
  {
    name: 'a name=cookie becomes a prefixed id',
    payload: '<a name=cookie>锚点</a>',
    gone: ['name=', 'id="cookie"'],
    kept: ['<a id="user-content-cookie">锚点</a>'],
    removed: {},
  },
  {
    name: 'p id=defaultView',
    payload: '<p id=defaultView>段落</p>',
    gone: ['id="defaultView"'],
    kept: ['<p id="user-content-defaultView">段落</p>'],
    removed: {},
  },

  // Tracking pixels
  {
    name: '1×1 pixel',
    payload: '<img src="https://t.example/p.gif" width="1" height="1">',
    gone: ['t.example'],
    removed: { 'tracking-pixel': 1 },
  },
  {
    name: '0×0 pixel',
    payload: '<img src="https://t.example/p.gif" width=0 height=0 alt="">',
    gone: ['t.example'],
    removed: { 'tracking-pixel': 1 },
  },
  {
    name: '1px×1px pixel with onload',
    payload: '<img src="https://t.example/p.gif" width="1px" height="1px" onload="track()">',
    gone: ['t.example', 'track'],
    removed: { 'tracking-pixel': 1 },
  },

  // Link target and rel are rebuilt whatever they were
  {
    name: 'padded _blank target',
    payload: '<a href="https://news.example/" target=" _blank ">链接</a>',
    gone: ['" _blank "'],
    kept: ['target="_blank" rel="noopener noreferrer"'],
    removed: {},
  },
  {
    name: 'uppercase _BLANK target',
    payload: '<a href="https://news.example/" target="_BLANK">链接</a>',
    gone: ['_BLANK'],
    kept: ['target="_blank" rel="noopener noreferrer"'],
    removed: {},
  },
  {
    name: 'named target',
    payload: '<a href="https://news.example/" target="popup">链接</a>',
    gone: ['popup'],
    kept: ['target="_blank" rel="noopener noreferrer"'],
    removed: {},
  },
  {
    name: 'rel=opener',
    payload: '<a href="https://news.example/" target=_top rel="opener">链接</a>',
    gone: ['opener"', '_top'],
    kept: ['target="_blank" rel="noopener noreferrer"'],
    removed: {},
  },
  {
    name: 'fragment link with target',
    payload: '<a href="#fn1" target="_blank" rel="opener">1</a>',
    gone: ['target', 'rel'],
    kept: ['<a href="#user-content-fn1">1</a>'],
    removed: {},
  },

  // Relative links and images
  {
    name: 'root-relative link',
    payload: '<a href="/login">相对链接</a>',
    gone: ['/login'],
    kept: ['<a>相对链接</a>'],
    removed: {},
  },
  {
    name: 'path traversal link',
    payload: '<a href="../../etc/passwd">上级</a>',
    gone: ['passwd'],
    kept: ['<a>上级</a>'],
    removed: {},
  },
  {
    name: 'mailto link with whitespace smuggled into it',
    payload: '<a href="mailto:tips@news.example?body=a b">来信</a>',
    gone: ['mailto'],
    kept: ['<a>来信</a>'],
    removed: {},
  },
  {
    name: 'relative image without a resolver',
    payload: '<img src="photo.jpg" alt="照片">',
    gone: ['<img', 'photo.jpg'],
    removed: {},
  },
  {
    name: 'relative image the resolver refuses',
    payload: '<img src="../secret.png">',
    gone: ['<img', 'secret'],
    removed: {},
    options: { resolveImageSrc: () => null },
  },
  {
    name: 'resolver output with a javascript: scheme is refused',
    payload: '<img src="photo.jpg">',
    gone: ['<img', 'javascript'],
    removed: {},
    options: { resolveImageSrc: () => 'javascript:alert(1)' },
  },

  // Media become embed links
  {
    name: 'video with a source',
    payload:
      '<video controls><source src="https://media.example/v.webm" type="video/webm">不支持视频</video>',
    gone: ['video', '<source', '不支持视频'],
    removed: { video: 1 },
    embeds: [{ kind: 'video', url: 'https://media.example/v.webm' }],
  },
  {
    name: 'video with a javascript: src',
    payload: '<video src="javascript:alert(1)"></video>',
    gone: ['alert'],
    removed: { video: 1 },
  },
  {
    name: 'audio',
    payload: '<audio src="https://media.example/a.mp3" autoplay></audio>',
    gone: ['audio', 'autoplay'],
    removed: { audio: 1 },
    embeds: [{ kind: 'audio', url: 'https://media.example/a.mp3' }],
  },
  {
    name: 'stray source outside picture',
    payload: '<source src="https://media.example/v.mp4"><p>之后</p>',
    gone: ['<source'],
    kept: ['<p>之后</p>'],
    removed: {},
  },

  // Other interactive or popup elements
  {
    name: 'canvas with fallback',
    payload: '<canvas id=c>画布后备</canvas>',
    gone: ['canvas', '画布后备'],
    removed: { canvas: 1 },
  },
  {
    name: 'thousands of nested inline elements before a closing paragraph',
    payload: `<div>${'<span>'.repeat(5000)}深处的文字${'</span>'.repeat(5000)}</div><p>嵌套之后的结尾段落</p>`,
    gone: ['<span>'.repeat(200)],
    kept: ['深处的文字', '<p>嵌套之后的结尾段落</p>'],
    removed: { 'deep-nesting': 1 },
  },
  {
    name: 'open dialog',
    payload: '<dialog open>订阅我们的新闻通讯</dialog>',
    gone: ['dialog', '订阅'],
    removed: { dialog: 1 },
  },
];

export interface BenignCase {
  name: string;
  input: string;
  /** The exact sanitized HTML. */
  output: string;
  options?: SanitizeOptions;
}

const IMG_EXTRAS = 'referrerpolicy="no-referrer" loading="lazy" decoding="async"';
const EXTERNAL = 'target="_blank" rel="noopener noreferrer"';

/** Article markup the policy must keep; an empty report is expected for each. */
export const BENIGN_CASES: BenignCase[] = [
  {
    name: 'Chinese text with full-width punctuation is unchanged',
    input:
      '<p>新华社北京7月29日电（记者王小明）国家统计局29日发布数据显示，上半年国内生产总值同比增长12.7%。“这是一个好消息，”他说——但仍需谨慎……</p>',
    output:
      '<p>新华社北京7月29日电（记者王小明）国家统计局29日发布数据显示，上半年国内生产总值同比增长12.7%。“这是一个好消息，”他说——但仍需谨慎……</p>',
  },
  {
    name: 'article structure',
    input:
      '<article><header><h1>标题</h1></header><section><h2>小节</h2><p>正文</p><aside>旁注</aside></section><footer><small>版权所有</small></footer></article>',
    output:
      '<article><header><h1>标题</h1></header><section><h2>小节</h2><p>正文</p><aside>旁注</aside></section><footer><small>版权所有</small></footer></article>',
  },
  {
    name: 'inline semantics',
    input:
      '<p><em>强调</em><strong>重要</strong><b>粗</b><i>斜</i><u>下划线</u><s>删除线</s><mark>标记</mark>H<sub>2</sub>O x<sup>2</sup><kbd>Ctrl</kbd><samp>输出</samp><code>代码</code><cite>出处</cite><q cite="https://news.example/q">引语</q><br><abbr title="世界卫生组织">世卫</abbr><del datetime="2021-07-29">旧</del><ins datetime="2021-07-30">新</ins></p><hr><dl><dt>术语</dt><dd>定义</dd></dl>',
    output:
      '<p><em>强调</em><strong>重要</strong><b>粗</b><i>斜</i><u>下划线</u><s>删除线</s><mark>标记</mark>H<sub>2</sub>O x<sup>2</sup><kbd>Ctrl</kbd><samp>输出</samp><code>代码</code><cite>出处</cite><q cite="https://news.example/q">引语</q><br><abbr title="世界卫生组织">世卫</abbr><del datetime="2021-07-29">旧</del><ins datetime="2021-07-30">新</ins></p><hr><dl><dt>术语</dt><dd>定义</dd></dl>',
  },
  {
    name: 'lang and dir attributes',
    input: '<p lang="ja">日本語の文章</p><p>中文<span lang="en" dir="ltr">English</span></p>',
    output: '<p lang="ja">日本語の文章</p><p>中文<span lang="en" dir="ltr">English</span></p>',
  },
  {
    name: 'ruby annotations',
    input: '<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rp>(</rp><rt>じ</rt><rp>)</rp></ruby>',
    output: '<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rp>(</rp><rt>じ</rt><rp>)</rp></ruby>',
  },
  {
    name: 'pre and code keep their text and escapes',
    input: '<pre><code>if (a &lt; b &amp;&amp; c) {\n  return "&lt;p&gt;";\n}</code></pre>',
    output: '<pre><code>if (a &lt; b &amp;&amp; c) {\n  return "&lt;p&gt;";\n}</code></pre>',
  },
  {
    name: 'pre with a leading blank line keeps it',
    input: '<pre>\n\n第一行</pre>',
    output: '<pre>\n\n第一行</pre>',
  },
  {
    name: 'figure with image and caption',
    input:
      '<figure><img src="https://img.example/a.jpg" alt="抗议现场" width="800" height="600"><figcaption>图：抗议现场</figcaption></figure>',
    output: `<figure><img src="https://img.example/a.jpg" alt="抗议现场" width="800" height="600" ${IMG_EXTRAS}><figcaption>图：抗议现场</figcaption></figure>`,
  },
  {
    name: 'picture with typed sources',
    input:
      '<picture><source srcset="https://img.example/a.avif" type="image/avif"><source srcset="https://img.example/a-800.webp 800w, https://img.example/a-1600.webp 1600w" sizes="(max-width: 800px) 100vw, 800px" type="image/webp" media="(min-width: 600px)"><img src="https://img.example/a.jpg" alt="图"></picture>',
    output: `<picture><source srcset="https://img.example/a.avif" type="image/avif"><source srcset="https://img.example/a-800.webp 800w, https://img.example/a-1600.webp 1600w" sizes="(max-width: 800px) 100vw, 800px" type="image/webp" media="(min-width: 600px)"><img src="https://img.example/a.jpg" alt="图" ${IMG_EXTRAS}></picture>`,
  },
  {
    name: 'srcset with commas inside CDN URLs and a protocol-relative candidate',
    input:
      '<img src="https://img.example/a.jpg" srcset="https://cdn.example/w_400,c_fill/a.jpg 400w,//cdn.example/w_800,c_fill/a.jpg 800w">',
    output: `<img src="https://img.example/a.jpg" srcset="https://cdn.example/w_400,c_fill/a.jpg 400w, https://cdn.example/w_800,c_fill/a.jpg 800w" ${IMG_EXTRAS}>`,
  },
  {
    name: 'a 1px-wide rule image is not a tracking pixel',
    input: '<img src="https://img.example/rule.png" width="1" height="200">',
    output: `<img src="https://img.example/rule.png" width="1" height="200" ${IMG_EXTRAS}>`,
  },
  {
    name: 'plain-http images are fetched over https',
    input:
      '<img src="http://lain.bgm.tv/pic/cover/l/a.jpg" srcset="HTTP://img.example/a-2x.jpg 2x"><a href="http://news.example/a">链接不变</a>',
    output: `<img src="https://lain.bgm.tv/pic/cover/l/a.jpg" srcset="https://img.example/a-2x.jpg 2x" ${IMG_EXTRAS}><a href="http://news.example/a" ${EXTERNAL}>链接不变</a>`,
  },
  {
    name: 'many unclosed paragraphs are not deep nesting (parsers close them)',
    input: '<p>没有结束标签的段落'.repeat(150),
    output: '<p>没有结束标签的段落</p>'.repeat(150),
  },
  {
    name: 'mailto and tel links (press contacts) stay, with rel and no target',
    input:
      '<p>联系：<a href="mailto:press@news.example?subject=%E9%87%87%E8%AE%BF">press@news.example</a>，<a href="tel:+86-10-1234-5678" target="_blank">010-1234-5678</a></p>',
    output:
      '<p>联系：<a href="mailto:press@news.example?subject=%E9%87%87%E8%AE%BF" rel="noopener noreferrer">press@news.example</a>，<a href="tel:+86-10-1234-5678" rel="noopener noreferrer">010-1234-5678</a></p>',
  },
  {
    name: 'protocol-relative image and link become https',
    input: '<a href="//news.example/a"><img src="//img.example/a.jpg"></a>',
    output: `<a href="https://news.example/a" ${EXTERNAL}><img src="https://img.example/a.jpg" ${IMG_EXTRAS}></a>`,
  },
  {
    name: 'relative image resolved to a media file',
    input: '<p><img src="images/photo.jpg" alt="照片"></p>',
    output: `<p><img src="media/0123456789abcdef.jpg" alt="照片" ${IMG_EXTRAS}></p>`,
    options: {
      resolveImageSrc: (src) => (src === 'images/photo.jpg' ? 'media/0123456789abcdef.jpg' : null),
    },
  },
  {
    name: 'external link gets a fresh target and rel',
    input:
      '<p>据<a href="https://news.example/2021/07/29/story.html" title="原文">原文</a>报道</p>',
    output: `<p>据<a href="https://news.example/2021/07/29/story.html" title="原文" ${EXTERNAL}>原文</a>报道</p>`,
  },
  {
    name: 'footnotes point at prefixed ids',
    input:
      '<p>正文<sup><a href="#fn1" id="ref1">1</a></sup>和旧式<a href="#fn2">2</a></p><ol><li id="fn1">注释一 <a href="#ref1">↩</a></li></ol><p><a name="fn2"></a>注释二</p>',
    output:
      '<p>正文<sup><a href="#user-content-fn1" id="user-content-ref1">1</a></sup>和旧式<a href="#user-content-fn2">2</a></p><ol><li id="user-content-fn1">注释一 <a href="#user-content-ref1">↩</a></li></ol><p><a id="user-content-fn2"></a>注释二</p>',
  },
  {
    name: 'table structure with spans and header references',
    input:
      '<table><caption>2021年数据</caption><colgroup><col span="2"></colgroup><thead><tr><th scope="col" id="y">年份</th><th scope="col" id="v">数值</th></tr></thead><tbody><tr><td headers="y">2021</td><td headers="v" rowspan="2">42</td></tr><tr><td>2022</td></tr></tbody><tfoot><tr><td colspan="2">合计</td></tr></tfoot></table>',
    output:
      '<table><caption>2021年数据</caption><colgroup><col span="2"></colgroup><thead><tr><th scope="col" id="user-content-y">年份</th><th scope="col" id="user-content-v">数值</th></tr></thead><tbody><tr><td headers="user-content-y">2021</td><td headers="user-content-v" rowspan="2">42</td></tr><tr><td>2022</td></tr></tbody><tfoot><tr><td colspan="2">合计</td></tr></tfoot></table>',
  },
  {
    name: 'ordered list attributes and time',
    input:
      '<ol start="3" reversed type="i"><li value="5">第五</li></ol><p><time datetime="2021-07-29T05:11:25Z">7月29日</time></p>',
    output:
      '<ol start="3" reversed="" type="i"><li value="5">第五</li></ol><p><time datetime="2021-07-29T05:11:25Z">7月29日</time></p>',
  },
  {
    name: 'blockquote with an http(s) cite',
    input: '<blockquote cite="https://news.example/speech"><p>引文</p></blockquote>',
    output: '<blockquote cite="https://news.example/speech"><p>引文</p></blockquote>',
  },
  {
    name: 'unknown wrappers are unwrapped quietly',
    input: '<center><font face="宋体">居中</font></center><nobr>不换行</nobr>',
    output: '居中不换行',
  },
];

/** Elements and attributes no sanitized article may contain, whatever the input. */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
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
  'base',
  'meta',
  'link',
  'noscript',
  'template',
  'video',
  'audio',
  'canvas',
  'dialog',
]);

/** Parses sanitized output on its own and checks it holds nothing active. */
export function expectInert(html: string) {
  const fragment = JSDOM.fragment(html);
  for (const element of fragment.querySelectorAll('*')) {
    expect(FORBIDDEN_ELEMENTS.has(element.localName), element.outerHTML).toBe(false);
    for (const { name, value } of Array.from(element.attributes)) {
      expect(name, element.outerHTML).not.toMatch(/^(on|style$|class$|name$|srcdoc$|ping$)/);
      if (name === 'href') expect(value).toMatch(/^(https?:|mailto:|tel:|#user-content-)/);
      if (name === 'src') expect(value).toMatch(/^(https?:|media\/)/);
    }
  }
}

export function hostileInput({ payload, leading }: HostileCase): string {
  return leading ? payload + BENIGN : BENIGN + payload;
}

/** Runs one hostile case through a sanitizer and checks output and report. */
export function expectHostileCaseHandled(sanitizer: PolicySanitizer, hostile: HostileCase) {
  const { html, removed } = sanitizer.sanitize(hostileInput(hostile), hostile.options);
  expectInert(html);
  expect(html).toContain(BENIGN);
  for (const fragment of hostile.gone) expect(html).not.toContain(fragment);
  for (const fragment of hostile.kept ?? []) expect(html).toContain(fragment);
  expect(removed.byKind).toEqual(hostile.removed);
  expect(removed.embeds).toEqual(hostile.embeds ?? []);
  return { html, removed };
}
