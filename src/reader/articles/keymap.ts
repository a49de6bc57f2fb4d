/**
 * The reader's keyboard shortcuts, one table for every view. Letters follow Google Reader and its
 * heirs (Miniflux, Feedbin, NetNewsWire): j/k to move, o or Enter to open, s to star, m to mark,
 * u up to the list, v for the original, g then a letter to go to a view, ? for this list.
 */
export type KeyAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'up'
  | 'star'
  | 'toggleRead'
  | 'openOriginal'
  | 'nextMatch'
  | 'previousMatch'
  | 'search'
  | 'goList'
  | 'goTimeline'
  | 'goStarred'
  | 'help';

/** The fields of a keydown event the keymap reads; a DOM KeyboardEvent has them all. */
export interface KeyPress {
  key: string;
  keyCode?: number;
  isComposing?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}

const SINGLE_KEYS: Readonly<Record<string, KeyAction>> = {
  j: 'next',
  k: 'previous',
  o: 'open',
  Enter: 'open',
  u: 'up',
  s: 'star',
  m: 'toggleRead',
  v: 'openOriginal',
  n: 'nextMatch',
  p: 'previousMatch',
  '/': 'search',
  '?': 'help',
};

const AFTER_G: Readonly<Record<string, KeyAction>> = {
  a: 'goList',
  t: 'goTimeline',
  s: 'goStarred',
};

/** The keys as the help dialog lists them, in its order. */
export const KEY_HELP: readonly { keys: string[]; action: KeyAction }[] = [
  { keys: ['j'], action: 'next' },
  { keys: ['k'], action: 'previous' },
  { keys: ['o', 'Enter'], action: 'open' },
  { keys: ['u'], action: 'up' },
  { keys: ['s'], action: 'star' },
  { keys: ['m'], action: 'toggleRead' },
  { keys: ['v'], action: 'openOriginal' },
  { keys: ['n'], action: 'nextMatch' },
  { keys: ['p'], action: 'previousMatch' },
  { keys: ['/'], action: 'search' },
  { keys: ['g', 'a'], action: 'goList' },
  { keys: ['g', 't'], action: 'goTimeline' },
  { keys: ['g', 's'], action: 'goStarred' },
  { keys: ['?'], action: 'help' },
];

/** The key code browsers report for a key press that an input method is handling. */
const IME_KEY_CODE = 229;

/** Fields, where every key is typing or choosing. */
const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Controls whose Enter and Space activate them. */
const ACTIVATED = new Set(['A', 'BUTTON', 'SUMMARY']);

function isElementLike(
  target: unknown,
): target is { tagName: string; isContentEditable?: boolean } {
  return typeof target === 'object' && target !== null && 'tagName' in target;
}

/**
 * belongsToTarget: whether the press belongs to someone writing, in a field or through an
 * input method, and must not be read as a shortcut. Enter on a button or a link keeps its own
 * meaning too.
 */
export function belongsToTarget(press: KeyPress): boolean {
  if (press.isComposing || press.keyCode === IME_KEY_CODE) return true;
  const { target } = press;
  if (!isElementLike(target)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (FIELDS.has(tag)) return true;
  return ACTIVATED.has(tag) && (press.key === 'Enter' || press.key === ' ');
}

/**
 * createKeymap: a reader of key presses into actions, remembering a pending `g` between two
 * presses. Returns null for a press that is not a shortcut (the browser keeps it).
 */
export function createKeymap() {
  let afterG = false;
  return {
    read(press: KeyPress): KeyAction | null {
      if (press.ctrlKey || press.metaKey || press.altKey) {
        afterG = false;
        return null;
      }
      if (belongsToTarget(press)) return null;
      if (afterG) {
        afterG = false;
        return AFTER_G[press.key] ?? null;
      }
      if (press.key === 'g') {
        afterG = true;
        return null;
      }
      return SINGLE_KEYS[press.key] ?? null;
    },
  };
}
