import type { KeyboardEvent, RefObject } from 'react';

// Keyboard-first form: Enter moves to the next field (as Tab does), Esc leaves the field (a
// second Esc, with no field focused, lets the shell leave the screen), Ctrl+S or F12 saves.

const FIELDS = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button[type=submit]:not([disabled])';

export function isSaveKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return e.key === 'F12' || ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's');
}

export function formKeys(formRef: RefObject<HTMLFormElement | null>, onSave: () => void, onLeave: () => void) {
  return (e: KeyboardEvent<HTMLFormElement>) => {
    const form = formRef.current;
    const target = e.target as HTMLElement;
    if (isSaveKey(e)) {
      e.preventDefault();
      onSave();
      return;
    }
    if (e.key === 'Escape' && target.matches('input, select, textarea')) {
      e.preventDefault();
      onLeave();
      return;
    }
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || !form || !target.matches('input, select')) return;
    e.preventDefault();
    const fields = [...form.querySelectorAll<HTMLElement>(FIELDS)].filter((el) => el.offsetParent !== null || el === target);
    const next = fields[fields.indexOf(target) + 1];
    next?.focus();
  };
}
