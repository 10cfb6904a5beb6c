import { useLayoutEffect, useRef } from 'react';

/**
 * Esc closes the open dialog, wherever focus is (a button that went disabled while it worked
 * leaves focus on the page), before the shell sees the key and leaves the screen. Bound in the
 * commit that shows the dialog, so a key pressed at once does not fall on nothing.
 */
export function useEscape(onEscape: () => void): void {
  const latest = useRef(onEscape);
  latest.current = onEscape;
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      e.stopPropagation();
      latest.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
