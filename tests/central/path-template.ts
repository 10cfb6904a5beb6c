import type { Route } from './context';

// Paths with `{name}` segments (e.g. `/v1/claims/{claimId}`): the routes a request path fits,
// and the values of its named segments. Exact paths are looked up before this is asked.

export function matchTemplate(routes: readonly Route[], pathname: string): { routes: Route[]; params: Record<string, string> } | null {
  const parts = pathname.split('/');
  let found: { routes: Route[]; params: Record<string, string> } | null = null;
  for (const r of routes) {
    if (!r.path.includes('{')) continue;
    const tpl = r.path.split('/');
    if (tpl.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = tpl.every((seg, i) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (!m) return seg === parts[i];
      if (!parts[i]) return false;
      try { params[m[1]] = decodeURIComponent(parts[i]); } catch { return false; }
      return true;
    });
    if (!fits) continue;
    if (found && found.routes[0].path === r.path) found.routes.push(r);
    else if (!found) found = { routes: [r], params };
  }
  return found;
}
