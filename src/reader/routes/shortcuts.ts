import { useEffect, useLayoutEffect, useRef } from 'react';
import type { KeyAction } from '../articles/keymap';

export type ShortcutHandlers = Partial<Record<KeyAction, () => void>>;

/** The handlers of the views on screen, the latest mounted first. */
const registered: { current: ShortcutHandlers }[] = [];

/**
 * useShortcuts: while the calling view is mounted, its handlers answer their keys. The latest
 * handlers are always called, without re-registering on every render.
 */
export function useShortcuts(handlers: ShortcutHandlers) {
  const ref = useRef(handlers);
  useLayoutEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    registered.unshift(ref);
    return () => {
      registered.splice(registered.indexOf(ref), 1);
    };
  }, []);
}

/** shortcutHandler: the handler a view on screen gives `action`, if any. */
export function shortcutHandler(action: KeyAction): (() => void) | undefined {
  return registered.find((entry) => entry.current[action])?.current[action];
}
