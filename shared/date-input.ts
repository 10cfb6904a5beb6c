// Dates as tellers read and type them: DD/MM/YYYY, whatever the language of the PC's operating
// system (a browser's own date field follows it, and many counter PCs run an English Windows).
// The forms and services keep ISO dates (yyyy-mm-dd); these functions turn one into the other.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date as DD/MM/YYYY; anything else unchanged (a half-typed text stays as typed). */
export function isoToTyped(value: string): string {
  const m = ISO.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/**
 * What the teller typed, tidied as they type: digits only, slashes put in after the day and
 * the month ("17081990" → "17/08/1990", "17/8" stays "17/8" so the next digit can follow).
 * A separator typed after one digit pads it ("1/" → "01/").
 */
export function tidyTyped(text: string): string {
  const parts: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (/\d/.test(ch)) {
      cur += ch;
      if (parts.length < 2 && cur.length === 2) { parts.push(cur); cur = ''; }
      if (parts.length === 2 && cur.length > 4) cur = cur.slice(0, 4);
    } else if (/[/.\-\s]/.test(ch) && parts.length < 2 && cur.length === 1) {
      parts.push(`0${cur}`);
      cur = '';
    }
  }
  if (parts.length === 0) return cur;
  return [...parts, cur].join('/').replace(/\/$/, (s) => (cur === '' && parts.length < 3 ? s : ''));
}

/**
 * The form's value for what was typed: an ISO date once day, month and a four-digit year are
 * all there (not yet checked against the calendar: the form's schema says "not a real date"
 * next to the field), '' for nothing, and the text itself while incomplete (the schema refuses it).
 */
export function typedToValue(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  const m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$/.exec(t);
  if (!m) return t;
  return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}
