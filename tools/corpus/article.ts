import { FIRST_DAY_MS, type ArticleLanguage, type CorpusPlan } from './plan';
import { Random } from './random';
import {
  ADVERBS,
  CHINESE_TOPIC_WORDS,
  CLAUSES,
  CONNECTORS,
  ENGLISH_CONNECTORS,
  ENGLISH_DAYS,
  ENGLISH_JUDGEMENTS,
  ENGLISH_OBJECTS,
  ENGLISH_PLACES,
  ENGLISH_SPEAKERS,
  ENGLISH_SUBJECTS,
  ENGLISH_TAILS,
  ENGLISH_TERMS,
  ENGLISH_VERBS,
  GIVEN_NAME_CHARACTERS,
  IMAGE_EXTENSIONS,
  IMAGE_HOSTS,
  JUDGEMENTS,
  LINK_HOSTS,
  MIXED_TERMS,
  PLACES,
  SPEAKERS,
  SURNAMES,
  TEXT_CATEGORIES,
  TIME_PHRASES,
  TITLE_PREFIXES,
  TITLE_TAILS,
  TOPICS,
  TRADITIONAL_MAP,
  TREND_WORDS,
  VERBS,
  type Topic,
} from './vocabulary';

/** Share of articles written as plain `.txt` (which carries no date). */
export const PLAIN_TEXT_SHARE = 0.015;
/** Share of all articles that are front matter without a `date` line. */
export const UNDATED_FRONT_MATTER_SHARE = 0.005;
/** Share of front-matter articles whose date is RFC 1123; the rest are `YYYY-MM-DD HH:MM:SS`. */
const RFC_1123_SHARE = 0.8;
/** Share of front-matter articles with a `headimg` and/or `thumbnail`. */
const HEADER_IMAGE_SHARE = 0.6;
/** Median body size in bytes; sizes are log-normal around it, plus a tail of long features. */
const MEDIAN_BODY_BYTES = 4_800;
const LONG_FEATURE_SHARE = 0.025;
const MAX_BODY_BYTES = 49_000;

export type ArticleFormat = 'front-matter' | 'plain-text';

export interface GeneratedArticle {
  format: ArticleFormat;
  /** Folder relative to the corpus root, `/`-separated. */
  dir: string;
  extension: '.md' | '.txt';
  title: string;
  source: string;
  /** The archiver's channel (front matter) or category folder (plain text). */
  channel: string;
  lang: ArticleLanguage;
  /** ISO 8601 UTC instant written in the file, or null when the file has no date. */
  date: string | null;
  /** UTF-8 bytes of the body: the HTML after the front matter, or the text after the header. */
  bodyBytes: number;
  /** The whole file. */
  text: string;
}

/** Characters (code points): UTF-16 units that are not the second half of a surrogate pair. */
function length(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0xdc00 || unit > 0xdfff) count += 1;
  }
  return count;
}

function percent(random: Random): string {
  return `${random.int(0, 40)}.${random.int(0, 9)}%`;
}

const GIVEN_NAME_POOL = [...GIVEN_NAME_CHARACTERS];

function personName(random: Random): string {
  const given = random.int(1, 2);
  let name = random.pick(SURNAMES);
  for (let index = 0; index < given; index += 1) name += random.pick(GIVEN_NAME_POOL);
  return name;
}

function toTraditional(text: string): string {
  let converted = '';
  for (const char of text) converted += TRADITIONAL_MAP.get(char) ?? char;
  return converted;
}

function titleCase(text: string): string {
  const small = new Set(['a', 'an', 'the', 'as', 'of', 'in', 'on', 'to', 'for', 'from', 'with']);
  return text
    .split(' ')
    .map((word, index) =>
      index > 0 && small.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** ArticleWriter: the words of one article, drawn from its own random stream. */
class ArticleWriter {
  constructor(
    private readonly random: Random,
    private readonly topic: Topic,
    private readonly event: string | null,
  ) {}

  /** Mostly the article's topic, sometimes a neighbouring one, as real articles wander. */
  private words() {
    const topic = this.random.chance(0.75) ? this.topic : this.random.pick(TOPICS);
    return CHINESE_TOPIC_WORDS[topic];
  }

  private actor(): string {
    return this.random.pick(this.words().actors);
  }

  private object(): string {
    if (this.random.chance(0.08)) return this.random.pick(MIXED_TERMS);
    return this.random.pick(this.words().objects);
  }

  private headline(): string {
    const r = this.random;
    switch (r.int(0, 7)) {
      case 0:
      case 6:
        return `${this.actor()}${r.pick(VERBS)}${this.object()}`;
      case 1:
        return `${r.pick(PLACES)}${this.object()}${r.pick(TREND_WORDS)}${percent(r)}`;
      case 2:
        return `${r.pick(TITLE_PREFIXES)}：${this.actor()}${r.pick(ADVERBS)}${r.pick(VERBS)}${this.object()}`;
      case 3:
        return `${r.pick(ENGLISH_TERMS)}${r.pick(['概念', '赛道', '需求', '供应', '标准'])}${r.pick(JUDGEMENTS)}`;
      case 4:
        return `${r.pick(PLACES)}${r.pick(MIXED_TERMS)}${r.pick(['项目落地', '迎来高峰', '遇冷', '提速', '引热议'])}`;
      default:
        return `${this.actor()}：${this.object()}${r.pick(JUDGEMENTS)}`;
    }
  }

  private titleTail(): string {
    const r = this.random;
    switch (r.int(0, 2)) {
      case 0:
        return r.pick(TITLE_TAILS);
      case 1:
        return r.pick(CLAUSES);
      default:
        return `${r.pick(PLACES)}${this.object()}${r.pick(TREND_WORDS)}${percent(r)}`;
    }
  }

  /** A Chinese title of 10–40 characters: a headline, clauses added up to a drawn length. */
  chineseTitle(): string {
    const r = this.random;
    for (;;) {
      const target = Math.min(40, Math.max(10, Math.round(19 + 6 * r.normal())));
      let title =
        this.event !== null && r.chance(0.6)
          ? `${this.event}${r.pick(['：', ' ', '｜'])}${this.headline()}`
          : this.headline();
      while (length(title) < target) {
        const tail = this.titleTail();
        if (!title.includes(tail)) title += `${r.pick([' ', '，'])}${tail}`;
      }
      const size = length(title);
      if (size >= 10 && size <= 40) return title;
    }
  }

  englishTitle(): string {
    const r = this.random;
    let title = `${r.pick(ENGLISH_SUBJECTS)} ${r.pick(ENGLISH_VERBS)[0]} ${r.pick(ENGLISH_OBJECTS)}`;
    if (r.chance(0.7)) title += ` ${r.pick(ENGLISH_TAILS)}`;
    title = titleCase(title);
    return r.chance(0.1) ? `${r.pick(['Analysis', 'Explainer', 'Live'])}: ${title}` : title;
  }

  private chineseSentence(): string {
    const r = this.random;
    switch (r.int(0, 6)) {
      case 0:
        return `${r.pick(TIME_PHRASES)}，${this.actor()}${r.pick(VERBS)}${this.object()}，${r.pick(CLAUSES)}。`;
      case 1:
        return `${this.actor()}${r.pick(ADVERBS)}${r.pick(VERBS)}${this.object()}。`;
      case 2:
        return `数据显示，${r.pick(PLACES)}${this.object()}${r.pick(TREND_WORDS)}${percent(r)}，${r.pick(CLAUSES)}。`;
      case 3:
        return `${r.pick(SPEAKERS)}${personName(r)}表示：“${this.object()}${r.pick(JUDGEMENTS)}，${r.pick(CLAUSES)}。”`;
      case 4:
        return `${r.pick(CONNECTORS)}，${this.object()}${r.pick(JUDGEMENTS)}，${this.actor()}${r.pick(VERBS)}${this.object()}。`;
      case 5:
        return `${r.pick(PLACES)}${this.object()}规模达到${r.int(2, 9000)}亿元，${r.pick(TREND_WORDS)}${percent(r)}。`;
      default:
        return `${this.actor()}${r.pick(VERBS)}${r.pick(ENGLISH_TERMS)}相关${this.object()}，${r.pick(CLAUSES)}。`;
    }
  }

  private englishSentence(): string {
    const r = this.random;
    switch (r.int(0, 4)) {
      case 0:
        return `${r.pick(ENGLISH_SUBJECTS)} ${r.pick(ENGLISH_VERBS)[1]} ${r.pick(ENGLISH_OBJECTS)} on ${r.pick(ENGLISH_DAYS)}, ${r.pick(ENGLISH_TAILS)}.`;
      case 1:
        return `“${capitalize(r.pick(ENGLISH_OBJECTS))} ${r.pick(ENGLISH_JUDGEMENTS)},” said ${r.pick(ENGLISH_SPEAKERS)}.`;
      case 2:
        return `${r.pick(ENGLISH_CONNECTORS)}, officials in ${r.pick(ENGLISH_PLACES)} said ${r.pick(ENGLISH_OBJECTS)} ${r.pick(ENGLISH_JUDGEMENTS)}.`;
      case 3:
        return `The ${r.pick(ENGLISH_TERMS)} figure moved ${r.int(0, 30)}.${r.int(0, 9)} percent from a year earlier, ${r.pick(ENGLISH_TAILS)}.`;
      default:
        return `${r.pick(ENGLISH_SUBJECTS)} in ${r.pick(ENGLISH_PLACES)} will ${r.pick(ENGLISH_VERBS)[0]} ${r.pick(ENGLISH_OBJECTS)}, which ${r.pick(ENGLISH_JUDGEMENTS)}.`;
    }
  }

  sentence(english: boolean): string {
    return english ? this.englishSentence() : this.chineseSentence();
  }

  paragraph(english: boolean): string {
    const count = this.random.int(2, 5);
    let text = this.sentence(english);
    for (let index = 1; index < count; index += 1) {
      text += `${english ? ' ' : ''}${this.sentence(english)}`;
    }
    return text;
  }

  phrase(english: boolean): string {
    if (english) return capitalize(this.random.pick(ENGLISH_OBJECTS));
    return `${this.random.pick(PLACES)}${this.object()}`;
  }

  listItem(english: boolean): string {
    if (english) {
      return `${capitalize(this.random.pick(ENGLISH_OBJECTS))} ${this.random.pick(ENGLISH_JUDGEMENTS)}`;
    }
    return `${this.object()}${this.random.pick(JUDGEMENTS)}`;
  }
}

function sampleBodyBytes(random: Random): number {
  if (random.chance(LONG_FEATURE_SHARE)) {
    return Math.round(15_000 * (MAX_BODY_BYTES / 15_000) ** random.next());
  }
  const size = MEDIAN_BODY_BYTES * Math.exp(0.55 * random.normal());
  return Math.round(Math.min(MAX_BODY_BYTES, Math.max(700, size)));
}

function imageUrl(random: Random, datePath: string): string {
  return `https://${random.pick(IMAGE_HOSTS)}/${datePath}/${random.hex(12)}.${random.pick(IMAGE_EXTENSIONS)}`;
}

function linkUrl(random: Random, datePath: string): string {
  return `https://${random.pick(LINK_HOSTS)}/news/${datePath}/${random.int(100_000, 999_999)}.html`;
}

interface Body {
  text: string;
  bytes: number;
}

/** htmlBody: paragraphs with images, links, blockquotes, lists and (long pieces) subheads. */
function htmlBody(
  writer: ArticleWriter,
  random: Random,
  english: boolean,
  lead: string,
  target: number,
  datePath: string,
): Body {
  const blocks = ['<div>', `<p>${lead}${writer.paragraph(english)}</p>`];
  let bytes = Buffer.byteLength(blocks[0]!) + Buffer.byteLength(blocks[1]!) + 2;
  let images = 0;
  while (bytes < target) {
    const roll = random.next();
    let block: string;
    if (roll < 0.07 && images < 8) {
      images += 1;
      const alt = writer.phrase(english);
      const caption = english
        ? `${alt} in ${random.pick(ENGLISH_PLACES)}.`
        : `图为${writer.phrase(english)}。（资料图）`;
      block = `<figure><img src="${imageUrl(random, datePath)}" alt="${alt}"><figcaption>${caption}</figcaption></figure>`;
    } else if (roll < 0.13) {
      block = `<blockquote><p>${writer.sentence(english)}</p></blockquote>`;
    } else if (roll < 0.17) {
      const items = random.int(3, 5);
      const lines = ['<ul>'];
      for (let index = 0; index < items; index += 1) {
        lines.push(`<li>${writer.listItem(english)}</li>`);
      }
      lines.push('</ul>');
      block = lines.join('\n');
    } else if (roll < 0.21 && target > 12_000) {
      block = `<h3>${writer.phrase(english)}</h3>`;
    } else if (roll < 0.27) {
      const label = english ? 'Related: ' : '相关报道：';
      block = `<p>${writer.paragraph(english)}${english ? ' ' : ''}${label}<a href="${linkUrl(random, datePath)}">${writer.phrase(english)}</a></p>`;
    } else {
      block = `<p>${writer.paragraph(english)}</p>`;
    }
    blocks.push(block);
    bytes += Buffer.byteLength(block) + 1;
  }
  blocks.push('</div>');
  bytes += 6;
  return { text: `${blocks.join('\n')}\n`, bytes };
}

/** textBody: one paragraph a line, indented with full-width spaces in Chinese. */
function textBody(writer: ArticleWriter, random: Random, english: boolean, target: number): Body {
  const indent = english ? '' : '\u3000\u3000';
  const lines: string[] = [];
  let bytes = 0;
  while (bytes < target) {
    const line = `${indent}${writer.paragraph(english)}`;
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  if (!english && random.chance(0.3)) {
    lines.push(`${indent}（完）`);
    bytes += Buffer.byteLength(lines[lines.length - 1]!) + 1;
  }
  return { text: `${lines.join('\n')}\n`, bytes };
}

function yamlQuoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * generateArticle: article `index` of the corpus for `seed`, from its own random stream, so it
 * depends on nothing but (plan, seed, index).
 */
export function generateArticle(plan: CorpusPlan, seed: number, index: number): GeneratedArticle {
  const random = new Random(seed, index);
  const source = plan.sources[plan.sourceTable.pick(random)]!;
  const plain = random.chance(PLAIN_TEXT_SHARE);
  const dated = !plain && !random.chance(UNDATED_FRONT_MATTER_SHARE / (1 - PLAIN_TEXT_SHARE));
  const spec = plain
    ? random.pick(TEXT_CATEGORIES)
    : source.channels[source.channelTable.pick(random)]!;

  const day = plan.calendar.table.pick(random);
  const dayMs = FIRST_DAY_MS + day * 86_400_000;
  const instant = new Date(
    dayMs +
      plan.hourTable.pick(random) * 3_600_000 +
      random.int(0, 59) * 60_000 +
      random.int(0, 59) * 1000,
  );
  // `2021/07/29`, as image and link paths on news sites carry it.
  const datePath = new Date(dayMs).toISOString().slice(0, 10).replace(/-/g, '/');
  const english = source.lang === 'en';
  const writer = new ArticleWriter(random, spec.topic, plan.calendar.topicByDay[day] ?? null);
  const traditional = (text: string) => (source.lang === 'zh-Hant' ? toTraditional(text) : text);

  const title = traditional(english ? writer.englishTitle() : writer.chineseTitle());
  const target = sampleBodyBytes(random);
  const reporter = personName(random);
  const base = {
    title,
    source: source.name,
    channel: spec.name,
    lang: source.lang,
  };

  if (plain) {
    const body = textBody(writer, random, english, target);
    const header = [
      `${random.chance(0.2) && !english ? '\u3000\u3000' : ''}${title}`,
      `来源：${source.name}`,
      ...(english ? [] : [`记者 ${reporter}`]),
      '',
    ];
    return {
      ...base,
      format: 'plain-text',
      dir: `txt/${spec.name}`,
      extension: '.txt',
      date: null,
      bodyBytes: body.bytes,
      text: `${header.join('\n')}\n${traditional(body.text)}`,
    };
  }

  const lead = english
    ? `${random.pick(ENGLISH_PLACES).toUpperCase()} — `
    : random.pick([`${source.name}讯 `, '本报讯 ', `（记者 ${reporter}）`]);
  const body = htmlBody(writer, random, english, lead, target, datePath);
  const lines: string[] = [];
  if (random.chance(0.1)) lines.push('');
  lines.push('---', `title: ${yamlQuoted(title)}`, 'categories: ');
  lines.push(` - ${source.group}`, ` - ${source.name}`, ` - ${spec.name}`);
  let thumbnail: string | null = null;
  if (random.chance(HEADER_IMAGE_SHARE)) {
    const url = imageUrl(random, datePath);
    const which = random.next();
    if (which < 0.85) lines.push(`headimg: '${url}'`);
    if (which >= 0.7) thumbnail = url;
  }
  lines.push(`author: ${source.name}`, 'comments: false');
  if (dated) {
    const date = random.chance(RFC_1123_SHARE)
      ? instant.toUTCString()
      : instant.toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`date: ${date}`);
  }
  if (thumbnail !== null) lines.push(`thumbnail: '${thumbnail}'`);
  lines.push('---', '');
  const bodyText = traditional(body.text);
  return {
    ...base,
    format: 'front-matter',
    dir: `hexo/${source.group}/${source.name}/${spec.name}`,
    extension: '.md',
    date: dated ? instant.toISOString() : null,
    // Traditional forms are three UTF-8 bytes like the Simplified ones, so the count holds.
    bodyBytes: body.bytes,
    text: `${lines.join('\n')}\n${bodyText}`,
  };
}
