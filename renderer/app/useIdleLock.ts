import { useEffect, useRef } from 'react';
import { api } from '../api/client';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;
const CHECK_MS = 5000;
/** The service locks a session on its own clock too; tell it the teller is active (typing a long form). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Calls `onIdle` once after `minutes` without keyboard or mouse activity. Status polling is
 * not activity. Runs only while `enabled` (signed in and not already locked).
 */
export function useIdleLock(enabled: boolean, minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => { onIdleRef.current = onIdle; });
  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    let last = Date.now();
    let lastTouch = Date.now();
    let fired = false;
    const seen = () => {
      last = Date.now();
      if (!fired && last - lastTouch >= TOUCH_EVERY_MS) {
        lastTouch = last;
        api.call('auth.touch', {}).catch(() => undefined);
      }
    };
    for (const ev of ACTIVITY) window.addEventListener(ev, seen, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (!fired && Date.now() - last >= minutes * 60_000) {
        fired = true;
        onIdleRef.current();
      }
    }, CHECK_MS);
    return () => {
      clearInterval(timer);
      for (const ev of ACTIVITY) window.removeEventListener(ev, seen, { capture: true });
    };
  }, [enabled, minutes]);
}
