import type { Role } from './roles';

// The shell's menu and keyboard map: which screens exist, who may open them, and their keys.
// The renderer draws the nav and the help table from this list, so the three never disagree.

export const SCREEN_IDS = [
  'registration', 'payment', 'history', 'claims', 'closing', 'monitoring', 'settings', 'diagnostics', 'users',
] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

export interface MenuItem {
  id: ScreenId;
  /** i18n key of the screen's name. */
  labelKey: `screen.${ScreenId}`;
  /** Function key that opens it. */
  fnKey: 'F2' | 'F3' | 'F4' | 'F5' | 'F6' | 'F7' | 'F8' | 'F9' | 'F10';
  /** Letter that opens it with Alt (matched on the physical key, `KeyX`). */
  altLetter: string;
  roles: readonly Role[];
}

export const MENU: readonly MenuItem[] = [
  { id: 'registration', labelKey: 'screen.registration', fnKey: 'F2', altLetter: 'D', roles: ['teller', 'head'] },
  { id: 'payment', labelKey: 'screen.payment', fnKey: 'F3', altLetter: 'B', roles: ['teller', 'head'] },
  { id: 'history', labelKey: 'screen.history', fnKey: 'F4', altLetter: 'R', roles: ['teller', 'head'] },
  { id: 'claims', labelKey: 'screen.claims', fnKey: 'F5', altLetter: 'K', roles: ['teller', 'head'] },
  { id: 'closing', labelKey: 'screen.closing', fnKey: 'F6', altLetter: 'T', roles: ['head'] },
  { id: 'monitoring', labelKey: 'screen.monitoring', fnKey: 'F7', altLetter: 'M', roles: ['head'] },
  { id: 'settings', labelKey: 'screen.settings', fnKey: 'F8', altLetter: 'P', roles: ['technician', 'head'] },
  { id: 'diagnostics', labelKey: 'screen.diagnostics', fnKey: 'F9', altLetter: 'G', roles: ['technician'] },
  { id: 'users', labelKey: 'screen.users', fnKey: 'F10', altLetter: 'U', roles: ['head', 'technician'] },
];

/** Shortcuts that are not a screen. Alt+L and Alt+H are kept free of screen letters. */
export const GLOBAL_SHORTCUTS = [
  { keys: 'F1', labelKey: 'helpOverlay.f1' },
  { keys: 'Esc', labelKey: 'helpOverlay.esc' },
  { keys: 'Alt+H', labelKey: 'helpOverlay.home' },
  { keys: 'Ctrl+L', labelKey: 'helpOverlay.lock' },
  { keys: 'Alt+L', labelKey: 'helpOverlay.language' },
] as const;

export type GlobalAction = 'help' | 'escape' | 'home' | 'lock' | 'language';

/** The menu as a role sees it: only the screens it may open, in menu order. */
export function menuFor(role: Role): MenuItem[] {
  return MENU.filter((m) => m.roles.includes(role));
}

export function canOpen(role: Role, screen: ScreenId): boolean {
  return menuFor(role).some((m) => m.id === screen);
}

/** The parts of a keyboard event the shortcuts look at (a DOM KeyboardEvent has them). */
export interface KeyPress { key: string; code: string; altKey: boolean; ctrlKey: boolean; shiftKey: boolean; metaKey: boolean }

const noMods = (e: KeyPress) => !e.altKey && !e.ctrlKey && !e.shiftKey && !e.metaKey;
const altOnly = (e: KeyPress) => e.altKey && !e.ctrlKey && !e.shiftKey && !e.metaKey;

/** The menu item a key press names, whether or not the role may open it. */
export function menuItemForKey(e: KeyPress): MenuItem | null {
  if (noMods(e)) return MENU.find((m) => m.fnKey === e.key) ?? null;
  if (altOnly(e)) return MENU.find((m) => e.code === `Key${m.altLetter}`) ?? null;
  return null;
}

export function globalActionForKey(e: KeyPress): GlobalAction | null {
  if (noMods(e) && e.key === 'F1') return 'help';
  if (noMods(e) && e.key === 'Escape') return 'escape';
  if (altOnly(e) && e.code === 'KeyH') return 'home';
  if (altOnly(e) && e.code === 'KeyL') return 'language';
  if (e.ctrlKey && !e.altKey && !e.shiftKey && !e.metaKey && e.code === 'KeyL') return 'lock';
  return null;
}
