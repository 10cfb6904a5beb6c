import type { Page } from '@playwright/test';

// What a teller would see as broken on a screen: text that runs out of its box, two pieces of
// text drawn over each other, a page that scrolls sideways. Used by the e2e layout check and
// by `npm run screenshots`. Runs in the page; answers one line per problem.

export interface LayoutProblem { kind: 'overflow' | 'overlap' | 'sideways'; where: string; detail: string }

export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  // tsx (esbuild keepNames) wraps functions in __name(), which the page does not have.
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  return page.evaluate(() => {
    const problems: { kind: 'overflow' | 'overlap' | 'sideways'; where: string; detail: string }[] = [];
    const name = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
    };
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) {
      problems.push({ kind: 'sideways', where: 'page', detail: `scrollWidth ${doc.scrollWidth} > ${window.innerWidth}` });
    }
    const visible = (el: Element): boolean => {
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    // Elements holding text of their own, and the boxes that text is drawn in.
    const texts: { el: Element; rects: DOMRect[] }[] = [];
    // A pane that scrolls sideways (the screen beside the menu, a table's frame) hides a column.
    for (const el of document.body.querySelectorAll('*')) {
      const ox = getComputedStyle(el).overflowX;
      if ((ox === 'auto' || ox === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        problems.push({ kind: 'sideways', where: name(el).slice(0, 60), detail: `scrollWidth ${el.scrollWidth} > ${el.clientWidth}` });
      }
    }
    // With a modal dialog open, what lies under it is not read: only the dialog is checked.
    const modal = [...document.querySelectorAll('[aria-modal="true"], dialog[open]')].find(visible);
    for (const el of (modal ?? document.body).querySelectorAll('*')) {
      if (['SCRIPT', 'STYLE', 'OPTION', 'CANVAS', 'svg'].includes(el.tagName) || !visible(el)) continue;
      // A screen-reader-only text is clipped on purpose.
      const s = getComputedStyle(el);
      if (s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)') continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (own.length === 0) continue;
      // What of the text is drawn: a scrolling pane (the screen under the status bar) clips it.
      let clip = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
      for (let a: Element | null = el; a; a = a.parentElement) {
        if (getComputedStyle(a).overflow === 'visible') continue;
        const b = a.getBoundingClientRect();
        clip = { left: Math.max(clip.left, b.left), top: Math.max(clip.top, b.top), right: Math.min(clip.right, b.right), bottom: Math.min(clip.bottom, b.bottom) };
      }
      const rects: DOMRect[] = [];
      for (const n of own) {
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) {
          const drawn = new DOMRect(Math.max(r.left, clip.left), Math.max(r.top, clip.top), 0, 0);
          drawn.width = Math.min(r.right, clip.right) - drawn.left;
          drawn.height = Math.min(r.bottom, clip.bottom) - drawn.top;
          if (drawn.width > 0 && drawn.height > 0) rects.push(r.width === drawn.width && r.height === drawn.height ? r : drawn);
        }
      }
      if (rects.length === 0) continue; // scrolled out of sight
      texts.push({ el, rects });
      // Text wider than its own box, unless the box clips it on purpose (ellipsis) or scrolls.
      const clipped = s.textOverflow === 'ellipsis' || ['auto', 'scroll', 'hidden'].includes(s.overflowX);
      if (!clipped && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && s.display !== 'inline') {
        problems.push({ kind: 'overflow', where: name(el), detail: `text ${el.scrollWidth}px in a box of ${el.clientWidth}px` });
      }
      // Text running past the box it sits in (inline text's box is its line).
      const box = (s.display === 'inline' ? el.parentElement ?? el : el).getBoundingClientRect();
      for (const r of rects) {
        if (r.right > box.right + 2 || r.left < box.left - 2) {
          if (!clipped) problems.push({ kind: 'overflow', where: name(el), detail: `text ${Math.round(r.left)}–${Math.round(r.right)} outside its box ${Math.round(box.left)}–${Math.round(box.right)}` });
          break;
        }
      }
    }
    // Two texts drawn over each other (neither inside the other).
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i], b = texts[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const hit = a.rects.some((ra) => b.rects.some((rb) =>
          Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 2 && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 2));
        if (hit) problems.push({ kind: 'overlap', where: name(a.el), detail: `over ${name(b.el)}` });
      }
    }
    return problems;
  });
}

export const VIEWPORTS = [{ width: 1366, height: 768 }, { width: 1024, height: 768 }] as const;
