import { describe, expect, it } from 'vitest';
import { belongsToTarget, createKeymap, type KeyPress } from './keymap';

const element = (tagName: string, isContentEditable = false) =>
  ({ tagName, isContentEditable }) as unknown as EventTarget;

function readAll(presses: KeyPress[]) {
  const keymap = createKeymap();
  return presses.map((press) => keymap.read(press));
}

describe('createKeymap', () => {
  it('reads the single keys of the list and the article', () => {
    expect(
      readAll(
        ['j', 'k', 'o', 'Enter', 'u', 's', 'm', 'v', 'n', 'p', '/', '?'].map((key) => ({ key })),
      ),
    ).toEqual([
      'next',
      'previous',
      'open',
      'open',
      'up',
      'star',
      'toggleRead',
      'openOriginal',
      'nextMatch',
      'previousMatch',
      'search',
      'help',
    ]);
  });

  it('reads g then a letter as a jump, and the letter alone otherwise', () => {
    expect(readAll([{ key: 'g' }, { key: 'a' }])).toEqual([null, 'goList']);
    expect(readAll([{ key: 'g' }, { key: 't' }])).toEqual([null, 'goTimeline']);
    expect(readAll([{ key: 'g' }, { key: 's' }, { key: 's' }])).toEqual([
      null,
      'goStarred',
      'star',
    ]);
    expect(readAll([{ key: 'g' }, { key: 'x' }, { key: 'j' }])).toEqual([null, null, 'next']);
  });

  it('leaves presses with a modifier to the browser', () => {
    expect(
      readAll([
        { key: 'j', ctrlKey: true },
        { key: 's', metaKey: true },
        { key: 'k', altKey: true },
      ]),
    ).toEqual([null, null, null]);
    expect(readAll([{ key: 'g' }, { key: 'a', ctrlKey: true }, { key: 'a' }])).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('ignores keys while an input method is composing', () => {
    expect(
      readAll([
        { key: 'j', isComposing: true },
        { key: 'Process', keyCode: 229 },
        { key: 'k', keyCode: 229 },
      ]),
    ).toEqual([null, null, null]);
  });

  it('ignores keys typed into fields and editable content', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) {
      expect(readAll([{ key: 'j', target: element(tag) }])).toEqual([null]);
    }
    expect(readAll([{ key: 's', target: element('DIV', true) }])).toEqual([null]);
    expect(readAll([{ key: 'j', target: element('DIV') }])).toEqual(['next']);
  });

  it('leaves Enter on links and buttons to activate them, but reads letters there', () => {
    expect(belongsToTarget({ key: 'Enter', target: element('A') })).toBe(true);
    expect(belongsToTarget({ key: 'Enter', target: element('BUTTON') })).toBe(true);
    expect(belongsToTarget({ key: 'Enter', target: element('LI') })).toBe(false);
    expect(readAll([{ key: 'j', target: element('A') }])).toEqual(['next']);
  });
});
