import { Random, WeightedTable } from './random';
import {
  CHINESE_CHANNELS,
  ENGLISH_CHANNELS,
  EVENT_TOPICS,
  TRADITIONAL_CHANNELS,
  type ChannelSpec,
} from './vocabulary';

export type ArticleLanguage = 'zh' | 'zh-Hant' | 'en';

interface SourceSpec {
  name: string;
  /** The archiver's top-level folder and first category. */
  group: string;
  lang: ArticleLanguage;
}

/**
 * The 40 invented outlets, largest first. English outlets sit at ranks whose shares add up to
 * about 5% of articles, Traditional Chinese ones to about 3%.
 */
const SOURCE_SPECS: readonly SourceSpec[] = [
  { name: '晨星日报', group: '新闻', lang: 'zh' },
  { name: '海岳新闻网', group: '新媒体', lang: 'zh' },
  { name: '东岸财经', group: '新闻', lang: 'zh' },
  { name: '青禾科技评论', group: '新媒体', lang: 'zh' },
  { name: '江城晚报', group: '新闻', lang: 'zh' },
  { name: '远望军事', group: '新媒体', lang: 'zh' },
  { name: '华岭商报', group: '新闻', lang: 'zh' },
  { name: 'The Harbor Dispatch', group: '海外', lang: 'en' },
  { name: '云帆观察', group: '期刊', lang: 'zh' },
  { name: '港灣時報', group: '港台', lang: 'zh-Hant' },
  { name: '北郊都市报', group: '新闻', lang: 'zh' },
  { name: '新川经济周刊', group: '期刊', lang: 'zh' },
  { name: '星桥网', group: '新媒体', lang: 'zh' },
  { name: '西陵日报', group: '新闻', lang: 'zh' },
  { name: '潮汐视点', group: '新媒体', lang: 'zh' },
  { name: '南塘晨讯', group: '新闻', lang: 'zh' },
  { name: 'Northfield Review', group: '海外', lang: 'en' },
  { name: '蓝图智库', group: '期刊', lang: 'zh' },
  { name: '长汀评论', group: '期刊', lang: 'zh' },
  { name: '澄湖晚报', group: '新闻', lang: 'zh' },
  { name: '石渠新闻', group: '新闻', lang: 'zh' },
  { name: '启明网', group: '新媒体', lang: 'zh' },
  { name: 'Copperline Weekly', group: '海外', lang: 'en' },
  { name: '寶島新聞網', group: '港台', lang: 'zh-Hant' },
  { name: '鹿鸣周刊', group: '期刊', lang: 'zh' },
  { name: '雁门时讯', group: '新闻', lang: 'zh' },
  { name: '临川快报', group: '新闻', lang: 'zh' },
  { name: '松涛观察', group: '新媒体', lang: 'zh' },
  { name: '白沙财经', group: '新媒体', lang: 'zh' },
  { name: '秋水评论', group: '期刊', lang: 'zh' },
  { name: 'Lantern Post', group: '海外', lang: 'en' },
  { name: '曙光晚报', group: '新闻', lang: 'zh' },
  { name: '银湾日报', group: '新闻', lang: 'zh' },
  { name: '青岚新媒体', group: '新媒体', lang: 'zh' },
  { name: '維港觀察', group: '港台', lang: 'zh-Hant' },
  { name: '观澜周刊', group: '期刊', lang: 'zh' },
  { name: '金沙快讯', group: '新媒体', lang: 'zh' },
  { name: '远山文摘', group: '期刊', lang: 'zh' },
  { name: '梧桐时评', group: '新媒体', lang: 'zh' },
  { name: '小满资讯', group: '新媒体', lang: 'zh' },
];

/**
 * Source `k` (0-based) gets weight SOURCE_DECAY^k: the largest has ~19% of articles, the
 * smallest ~0.005% (about 5 in 100,000). A pure Zipf law cannot give both ends at 40 sources.
 */
export const SOURCE_DECAY = 0.81;

export interface Source extends SourceSpec {
  /** Share of all articles, 0–1. */
  share: number;
  /** Channels largest first; the archiver's third category and folder. */
  channels: readonly ChannelSpec[];
  channelTable: WeightedTable;
}

export const FIRST_DAY_MS = Date.UTC(2019, 0, 1);
/** 2019-01-01 to 2023-12-31, both included. */
export const DAY_COUNT = (Date.UTC(2023, 11, 31) - FIRST_DAY_MS) / 86_400_000 + 1;

const BURST_COUNT = 8;

export interface Burst {
  firstDay: number;
  days: number;
  topic: string;
}

export interface Calendar {
  /** Relative article volume per day since FIRST_DAY_MS. */
  weights: Float64Array;
  bursts: readonly Burst[];
  /** The burst topic covering each day, if any. */
  topicByDay: readonly (string | null)[];
  table: WeightedTable;
}

export interface CorpusPlan {
  sources: readonly Source[];
  sourceTable: WeightedTable;
  calendar: Calendar;
  /** UTC hour of publication (Chinese outlets publish in Beijing daytime, UTC 23–15). */
  hourTable: WeightedTable;
}

/** Stream number of the plan's own random sequence; article `i` uses stream `i`. */
export const PLAN_STREAM = 0xffff_ffff;

const HOUR_WEIGHTS = [
  8, 9, 10, 9, 8, 7, 7, 8, 7, 6, 5, 4, 3, 3, 2, 1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.5, 2, 5,
];

/** Weekday factors, Sunday first (JavaScript's getUTCDay order). */
const WEEKDAY_FACTORS = [0.45, 1.05, 1, 1, 1, 0.95, 0.5];

function pickChannels(random: Random, pool: readonly ChannelSpec[], lang: ArticleLanguage) {
  const count = lang === 'zh' ? random.int(3, 7) : random.int(2, pool.length - 1);
  const shuffled = [...pool];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  return shuffled.slice(0, count);
}

/**
 * planCalendar: daily volume over five years — a slow upward trend, a weekly rhythm (weekends
 * about half), day-to-day noise, and BURST_COUNT news events of 2–6 days at 5–10× volume.
 */
export function planCalendar(random: Random): Calendar {
  const usual = new Float64Array(DAY_COUNT);
  const weights = new Float64Array(DAY_COUNT);
  for (let day = 0; day < DAY_COUNT; day += 1) {
    const weekday = new Date(FIRST_DAY_MS + day * 86_400_000).getUTCDay();
    usual[day] = (0.75 + (0.5 * day) / DAY_COUNT) * WEEKDAY_FACTORS[weekday]!;
    weights[day] = usual[day]! * Math.exp(0.15 * random.normal());
  }
  const topicByDay: (string | null)[] = new Array<string | null>(DAY_COUNT).fill(null);
  const topics = [...EVENT_TOPICS];
  const bursts: Burst[] = [];
  while (bursts.length < BURST_COUNT) {
    const days = random.int(2, 6);
    const firstDay = random.int(7, DAY_COUNT - days - 7);
    // Keep a week between events so each burst stands out.
    const clear = topicByDay
      .slice(firstDay - 7, firstDay + days + 7)
      .every((topic) => topic === null);
    if (!clear) continue;
    const topic = topics.splice(random.int(0, topics.length - 1), 1)[0]!;
    for (let day = firstDay; day < firstDay + days; day += 1) {
      weights[day] = usual[day]! * (5 + 5 * random.next());
      topicByDay[day] = topic;
    }
    bursts.push({ firstDay, days, topic });
  }
  bursts.sort((a, b) => a.firstDay - b.firstDay);
  return { weights, bursts, topicByDay, table: new WeightedTable(weights) };
}

/** planCorpus: everything shared by all articles of a seed — sources, channels, calendar. */
export function planCorpus(seed: number): CorpusPlan {
  const random = new Random(seed, PLAN_STREAM);
  const raw = SOURCE_SPECS.map((_, rank) => SOURCE_DECAY ** rank);
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  const sources = SOURCE_SPECS.map((spec, rank): Source => {
    const pool =
      spec.lang === 'en'
        ? ENGLISH_CHANNELS
        : spec.lang === 'zh-Hant'
          ? TRADITIONAL_CHANNELS
          : CHINESE_CHANNELS;
    const channels = pickChannels(random, pool, spec.lang);
    return {
      ...spec,
      share: raw[rank]! / total,
      channels,
      channelTable: new WeightedTable(channels.map((_, index) => 1 / (index + 1))),
    };
  });
  return {
    sources,
    sourceTable: new WeightedTable(raw),
    calendar: planCalendar(random),
    hourTable: new WeightedTable(HOUR_WEIGHTS),
  };
}
