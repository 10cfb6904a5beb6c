import { useEffect, useRef } from 'react';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;
const CHECK_MS = 5000;

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
    let fired = false;
    const seen = () => { last = Date.now(); };
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
