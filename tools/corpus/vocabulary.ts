/**
 * Word lists for synthetic articles, written for Chronicle. Every outlet, person and event they
 * produce is invented. Nothing here may contain `<`, `>`, `&` or `"`: the generator inserts these
 * words into HTML without escaping (vocabulary.test.ts checks it).
 */

export type Topic = 'world' | 'military' | 'economy' | 'tech' | 'society';

export const TOPICS: readonly Topic[] = ['world', 'military', 'economy', 'tech', 'society'];

export interface TopicWords {
  actors: readonly string[];
  objects: readonly string[];
}

export const CHINESE_TOPIC_WORDS: Record<Topic, TopicWords> = {
  world: {
    actors: [
      '外交部发言人',
      '联合国秘书长',
      '欧盟委员会',
      '北约秘书长',
      '白宫发言人',
      '多国外长',
      '东盟各国',
      '七国集团',
      '国际原子能机构',
      '双方代表团',
      '当地政府',
      '反对派领导人',
      '总统府',
      '议会下院',
      '联合国安理会',
      '非盟委员会',
    ],
    objects: [
      '新一轮谈判',
      '停火协议',
      '人道主义援助',
      '难民安置计划',
      '双边关系',
      '制裁措施',
      '大选结果',
      '边境管控',
      '外交使团规模',
      '多边合作机制',
      '气候融资承诺',
      '粮食出口走廊',
      '核不扩散条约',
      '领事合作',
      '签证政策',
      '战略稳定对话',
      '海上通道安全',
    ],
  },
  military: {
    actors: [
      '国防部',
      '海军',
      '空军',
      '联合参谋部',
      '军方发言人',
      '演习指挥部',
      '防务分析人士',
      '军工企业',
      '导弹部队',
      '海岸警卫队',
      '北约防长会议',
    ],
    objects: [
      '联合军事演习',
      '导弹试射',
      '新型驱逐舰',
      '无人机编队',
      '防空系统',
      '航母编队',
      '边境巡逻',
      '国防预算',
      '远程轰炸机',
      '高超音速武器',
      '军控对话',
      '弹药储备',
      '兵役制度',
      '潜艇部署',
      '预警雷达',
    ],
  },
  economy: {
    actors: [
      '央行',
      '美联储',
      '国家统计局',
      '财政部',
      '证监会',
      '多家券商',
      '国际货币基金组织',
      '世界银行',
      '商务部',
      '行业协会',
      '外资机构',
      '上市公司',
      '基金经理',
      '大型国企',
      '欧洲央行',
    ],
    objects: [
      '利率政策',
      '存款准备金率',
      '出口管制',
      '供应链安全',
      '房地产市场',
      '消费复苏计划',
      '就业形势',
      '跨境电商',
      '数字人民币试点',
      '地方债务',
      '原油价格',
      '黄金储备',
      '通胀数据',
      '债券收益率',
      '外汇储备',
      '汽车消费补贴',
      '减税降费政策',
      '营商环境',
      '港口吞吐量',
    ],
  },
  tech: {
    actors: [
      '工信部',
      '芯片厂商',
      '电信运营商',
      '科研团队',
      '互联网平台',
      '初创公司',
      '开源社区',
      '研究院',
      '半导体企业',
      '数据中心运营商',
      '新能源车企',
      '航天科技集团',
      '手机厂商',
    ],
    objects: [
      '数据中心',
      '算力网络',
      '半导体产业',
      '大模型',
      '自动驾驶',
      '卫星互联网',
      '空间站任务',
      '月球探测',
      '量子计算',
      '光刻机',
      '操作系统',
      '开源生态',
      '网络安全法规',
      '云计算服务',
      '智能手机出货量',
      '新能源汽车',
      '储能项目',
      '光伏装机',
      '固态电池',
    ],
  },
  society: {
    actors: [
      '教育部',
      '卫健委',
      '交通运输部',
      '气象部门',
      '应急管理部',
      '市场监管部门',
      '消费者协会',
      '志愿者团队',
      '社区居民',
      '外卖骑手',
      '高校毕业生',
      '医保部门',
      '公安机关',
      '文旅部门',
    ],
    objects: [
      '高考改革',
      '义务教育',
      '医保报销范围',
      '养老服务',
      '公共卫生',
      '疫苗接种',
      '极端天气',
      '防汛工作',
      '城市更新',
      '地铁线路',
      '高铁票价',
      '食品安全',
      '租房市场',
      '垃圾分类',
      '交通拥堵治理',
      '灵活就业保障',
      '假期出行',
    ],
  },
};

/** Chinese news terms that carry an English abbreviation, as titles often write them. */
export const MIXED_TERMS: readonly string[] = [
  'AI大模型',
  'GPU算力',
  'H100芯片',
  '5G基站',
  '6G研发',
  'EV出口',
  'ESG投资',
  'IPO审核',
  'ETF基金',
  'AI芯片',
  'VR头显',
  'App监管',
  'CPI数据',
  'PMI指数',
  'GDP增速',
  'NATO峰会',
  'G20峰会',
  'WTO改革',
  'IMF报告',
  'OPEC减产',
  'SUV市场',
  'LNG进口',
  'CEO换帅',
  'RISC-V架构',
  'HBM内存',
  'EUV光刻',
  'LLM应用',
  'UAV巡检',
  'RCEP生效',
  'APEC会议',
];

/** English terms mixed into Chinese text on their own. */
export const ENGLISH_TERMS: readonly string[] = [
  'AI',
  'GPU',
  'CPU',
  'H100',
  'A100',
  '5G',
  '6G',
  'NATO',
  'G7',
  'G20',
  'WTO',
  'IMF',
  'OPEC',
  'GDP',
  'CPI',
  'PMI',
  'EV',
  'ESG',
  'IPO',
  'ETF',
  'VR',
  'AR',
  'App',
  'API',
  'SaaS',
  'LNG',
  'SUV',
  'CEO',
  'IoT',
  'OLED',
  'SSD',
  'USB-C',
  'Wi-Fi 7',
  'LLM',
  'RISC-V',
  'x86',
  'EUV',
  'HBM',
  'DRAM',
  'NAND',
  'FPGA',
  'UAV',
  'GPS',
  'CBDC',
  'RCEP',
  'APEC',
  'ASEAN',
  'WHO',
  'IAEA',
  'ESA',
  'Web3',
  'NFT',
  'ARM',
  'PCIe',
  'TPU',
  'MLPerf',
  'GPT',
  'KOL',
  'B2B',
  'SoC',
];

export const TIME_PHRASES: readonly string[] = [
  '近日',
  '今年以来',
  '上周',
  '本月初',
  '当地时间周二',
  '当地时间周五晚间',
  '截至目前',
  '据悉',
  '与去年同期相比',
  '第一季度',
  '上半年',
  '前三季度',
  '年底前',
  '未来三年内',
  '本周早些时候',
  '昨日',
  '今天上午',
  '记者从有关方面获悉',
];

export const VERBS: readonly string[] = [
  '宣布',
  '表示将',
  '正式启动',
  '加快推进',
  '暂停',
  '恢复',
  '扩大',
  '收紧',
  '放宽',
  '上调',
  '下调',
  '签署',
  '批准',
  '否认调整',
  '确认',
  '呼吁加强',
  '回应',
  '部署',
  '测试',
  '推出',
  '完成',
  '召开会议讨论',
  '延长',
  '叫停',
  '评估',
  '审议',
  '调查',
  '关注',
  '重启',
  '优化',
];

export const ADVERBS: readonly string[] = [
  '再次',
  '首次',
  '正式',
  '罕见地',
  '意外',
  '全面',
  '逐步',
  '紧急',
  '提前',
  '如期',
];

export const PLACES: readonly string[] = [
  '北京',
  '上海',
  '深圳',
  '广州',
  '成都',
  '武汉',
  '杭州',
  '重庆',
  '西安',
  '南京',
  '香港',
  '台北',
  '东京',
  '首尔',
  '新加坡',
  '华盛顿',
  '纽约',
  '伦敦',
  '巴黎',
  '柏林',
  '布鲁塞尔',
  '日内瓦',
  '莫斯科',
  '迪拜',
  '利雅得',
  '新德里',
  '雅加达',
  '悉尼',
  '开罗',
  '内罗毕',
  '圣保罗',
  '墨西哥城',
  '维也纳',
  '曼谷',
  '河内',
];

export const CLAUSES: readonly string[] = [
  '引发外界广泛关注',
  '市场对此反应平淡',
  '预计将在年内落地',
  '双方同意保持沟通',
  '相关细节尚未公布',
  '此举被视为释放积极信号',
  '具体实施方案仍在研究之中',
  '后续影响有待观察',
  '业内普遍认为这一趋势将持续',
  '多方对此表示欢迎',
  '但也有人担心执行难度较大',
  '这是近五年来的首次',
  '相关部门已介入调查',
  '目前进展总体顺利',
  '舆论对此看法不一',
  '消息公布后相关板块应声上涨',
];

export const CONNECTORS: readonly string[] = [
  '与此同时',
  '此外',
  '不过',
  '另一方面',
  '对此',
  '分析认为',
  '多位受访者表示',
  '值得注意的是',
  '据了解',
  '业内人士指出',
  '有评论认为',
  '从长远看',
  '总体来看',
];

export const JUDGEMENTS: readonly string[] = [
  '面临不小的压力',
  '仍有较大的提升空间',
  '需要更多时间观察',
  '正在发生深刻变化',
  '不会一蹴而就',
  '将迎来新的机遇',
  '关键在于落实',
  '已经到了关键阶段',
  '比预想的更复杂',
  '总体可控',
];

export const TREND_WORDS: readonly string[] = [
  '同比增长',
  '同比下降',
  '环比上升',
  '环比回落',
  '较上月增加',
  '较年初减少',
];

export const SPEAKERS: readonly string[] = [
  '一位不愿具名的官员',
  '研究员',
  '首席经济学家',
  '项目负责人',
  '行业分析师',
  '当地居民',
  '一名参会代表',
  '该公司高管',
];

export const TITLE_PREFIXES: readonly string[] = [
  '快讯',
  '独家',
  '深度',
  '观察',
  '评论',
  '专访',
  '解读',
  '聚焦',
  '直击',
  '数据',
  '一图读懂',
];

export const TITLE_TAILS: readonly string[] = [
  '市场反应平淡',
  '专家解读背后原因',
  '多方表示关注',
  '细节尚未公布',
  '预计年内落地',
  '这是近五年来首次',
  '影响几何',
  '意味着什么',
  '会带来哪些变化',
  '谁将受益',
  '各方反应不一',
  '进展如何',
];

export const SURNAMES: readonly string[] = [
  '林',
  '方',
  '陈',
  '周',
  '许',
  '沈',
  '韩',
  '顾',
  '蒋',
  '叶',
  '程',
  '陆',
  '孟',
  '秦',
  '苏',
  '唐',
  '温',
  '易',
];

export const GIVEN_NAME_CHARACTERS =
  '晓宇静远川明立清若谷思源嘉言望舒承志知行一鸣亦然子墨逸' as const;

/** Burst events: days when many outlets cover one story. */
export const EVENT_TOPICS: readonly string[] = [
  '强台风登陆沿海',
  '全球AI安全峰会',
  '央行意外降息',
  '大规模网络攻击',
  '国际航展开幕',
  '联合国气候大会',
  '新一代GPU发布',
  '股市单日暴跌',
  '地区冲突升级',
  '重大地震救援',
  '世界杯预选赛',
  '空间站乘组返回',
];

export interface ChannelSpec {
  name: string;
  topic: Topic;
}

export const CHINESE_CHANNELS: readonly ChannelSpec[] = [
  { name: '要闻', topic: 'world' },
  { name: '国际', topic: 'world' },
  { name: '国内', topic: 'society' },
  { name: '财经', topic: 'economy' },
  { name: '科技', topic: 'tech' },
  { name: '军事', topic: 'military' },
  { name: '社会', topic: 'society' },
  { name: '评论', topic: 'world' },
  { name: '快讯', topic: 'economy' },
  { name: '深度', topic: 'tech' },
  { name: '汽车', topic: 'tech' },
  { name: '健康', topic: 'society' },
  { name: '地方', topic: 'society' },
  { name: '转载', topic: 'world' },
];

export const TRADITIONAL_CHANNELS: readonly ChannelSpec[] = [
  { name: '國際', topic: 'world' },
  { name: '兩岸', topic: 'world' },
  { name: '財經', topic: 'economy' },
  { name: '科技', topic: 'tech' },
  { name: '社會', topic: 'society' },
  { name: '評論', topic: 'military' },
];

export const ENGLISH_CHANNELS: readonly ChannelSpec[] = [
  { name: 'World', topic: 'world' },
  { name: 'Business', topic: 'economy' },
  { name: 'Technology', topic: 'tech' },
  { name: 'Analysis', topic: 'military' },
  { name: 'Opinion', topic: 'world' },
  { name: 'Science', topic: 'tech' },
  { name: 'Markets', topic: 'economy' },
];

/** Plain-text archivers file by category, in English folder names. */
export const TEXT_CATEGORIES: readonly ChannelSpec[] = [
  { name: 'WorldNews', topic: 'world' },
  { name: 'Economy', topic: 'economy' },
  { name: 'Tech', topic: 'tech' },
  { name: 'Military', topic: 'military' },
  { name: 'Society', topic: 'society' },
  { name: 'Commentary', topic: 'world' },
];

export const IMAGE_HOSTS: readonly string[] = [
  'img.example.com',
  'pic.example.org',
  'static.example.com',
  'cdn.example.org',
];

export const LINK_HOSTS: readonly string[] = [
  'www.example.com',
  'news.example.org',
  'data.example.com',
];

export const IMAGE_EXTENSIONS: readonly string[] = ['jpg', 'jpg', 'jpg', 'png', 'webp'];

/**
 * Simplified → Traditional for the characters these lists use most, as `简繁` pairs. Character
 * by character, like a quick converter; enough for titles and bodies to read as Traditional.
 */
const TRADITIONAL_PAIRS =
  '国國 发發 会會 说說 对對 时時 经經 济濟 这這 为為 与與 长長 东東 车車 门門 开開 关關 来來 ' +
  '个個 们們 员員 区區 华華 军軍 战戰 导導 弹彈 约約 务務 动動 实實 现現 报報 记記 业業 产產 ' +
  '场場 价價 网網 电電 术術 数數 据據 亿億 万萬 气氣 体體 议議 谈談 边邊 机機 无無 线線 应應 ' +
  '头頭 问問 题題 处處 认認 识識 让讓 进進 还還 过過 运運 选選 举舉 权權 层層 总總 统統 领領 ' +
  '际際 协協 调調 贸貿 货貨 币幣 银銀 资資 费費 险險 灾災 药藥 医醫 疗療 卫衛 环環 护護 风風 ' +
  '云雲 讯訊 闻聞 视視 频頻 节節 书書 学學 师師 图圖 双雙 级級 将將 从從 后後 广廣 苏蘇 联聯 ' +
  '欧歐 亚亞 韩韓 该該 给給 类類 号號 专專 项項 计計 划劃 设設 备備 测測 试試 验驗 证證 监監 ' +
  '规規 则則 标標 准準 质質 构構 续續 达達 胜勝 伤傷 击擊 袭襲 舰艦 飞飛 庆慶 纪紀 热熱 点點 ' +
  '历歷 复復 杂雜 难難 稳穩 强強 称稱 确確 态態 势勢 参參 众眾 团團 观觀 极極 岛島 尔爾 罗羅 ' +
  '马馬 兰蘭 乌烏 叙敘 输輸 链鏈 储儲 预預 盘盤 涨漲 组組 织織 况況 谁誰 么麼 审審 签簽 馆館 ' +
  '顿頓 营營 养養 园園 购購 旧舊 闭閉 陆陸 满滿 临臨 岭嶺 鸣鳴 键鍵 阶階 内內 灵靈 较較 讨討 ' +
  '论論 显顯 铁鐵 种種 减減 评評 释釋 积積 汉漢 厂廠 宽寬 财財 贷貸 买買 卖賣 楼樓 轰轟 逻邏 ' +
  '话話 条條 扩擴 农農 粮糧 汇匯 债債 黄黃 补補 贴貼 库庫 软軟 络絡 脑腦 终終 载載 办辦 毕畢 ' +
  '骑騎 拥擁 义義 销銷 范範 围圍 龙龍 纽紐 伦倫 圣聖 维維 许許 陈陳 顾顧 蒋蔣 叶葉 汤湯 孙孫 ' +
  '启啟 间間 当當 见見 轮輪 兴興 变變 侧側 职職 仪儀 严嚴 坚堅 欢歡 听聽 纳納 缩縮 紧緊 执執';

export const TRADITIONAL_MAP: ReadonlyMap<string, string> = new Map(
  TRADITIONAL_PAIRS.split(' ')
    .filter((pair) => pair !== '')
    .map((pair) => [pair[0]!, pair[1]!] as const),
);

export const ENGLISH_SUBJECTS: readonly string[] = [
  'Central bankers',
  'Regulators',
  'Lawmakers',
  'Foreign ministers',
  'Chipmakers',
  'Automakers',
  'Investors',
  'Defense officials',
  'Health officials',
  'Researchers',
  'City officials',
  'Exporters',
  'Union leaders',
  'Analysts',
  'Shipping firms',
  'Energy producers',
  'Naval commanders',
  'Election officials',
  'Startups',
  'Telecom operators',
  'NATO allies',
  'G20 finance chiefs',
];

export const ENGLISH_VERBS: readonly [present: string, past: string][] = [
  ['announce', 'announced'],
  ['approve', 'approved'],
  ['delay', 'delayed'],
  ['reject', 'rejected'],
  ['weigh', 'weighed'],
  ['expand', 'expanded'],
  ['tighten', 'tightened'],
  ['ease', 'eased'],
  ['launch', 'launched'],
  ['extend', 'extended'],
  ['suspend', 'suspended'],
  ['review', 'reviewed'],
  ['back', 'backed'],
  ['resume', 'resumed'],
  ['unveil', 'unveiled'],
];

export const ENGLISH_OBJECTS: readonly string[] = [
  'new export curbs',
  'a rate pause',
  'the ceasefire deal',
  'drone patrols',
  'a chip subsidy plan',
  'emergency aid',
  'the budget bill',
  'AI safety rules',
  '5G spectrum auctions',
  'border checks',
  'a carbon levy',
  'flood defenses',
  'the trade pact',
  'GPU supply deals',
  'H100 shipments',
  'defense spending targets',
  'the vaccine rollout',
  'satellite broadband plans',
  'a housing rescue fund',
  'battery recycling rules',
];

export const ENGLISH_TAILS: readonly string[] = [
  'as inflation cools',
  'amid supply worries',
  'after talks stall',
  'ahead of the summit',
  'despite protests',
  'as demand slows',
  'after a record quarter',
  'amid regional tensions',
  'as the deadline nears',
  'following storm damage',
  'in a surprise move',
  'under pressure from allies',
];

export const ENGLISH_CONNECTORS: readonly string[] = [
  'Meanwhile',
  'Still',
  'By contrast',
  'In a statement',
  'According to officials',
  'For now',
  'Even so',
  'Separately',
];

export const ENGLISH_JUDGEMENTS: readonly string[] = [
  'will take time to show results',
  'may prove more complicated than expected',
  'could put smaller players under pressure',
  'could reshape the market within a year',
  'will depend on how strictly it is enforced',
  'had been widely expected',
];

export const ENGLISH_SPEAKERS: readonly string[] = [
  'a senior official',
  'an economist at a regional bank',
  'a spokesperson',
  'one analyst',
  'a local resident',
  'the project lead',
];

export const ENGLISH_DAYS: readonly string[] = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'the weekend',
];

export const ENGLISH_PLACES: readonly string[] = [
  'Brussels',
  'Geneva',
  'Singapore',
  'Washington',
  'Tokyo',
  'Seoul',
  'Berlin',
  'Nairobi',
  'Jakarta',
  'Toronto',
];
