import type { Db } from '../db/open';
import type { ParticipantRow } from '../participants/repo';
import { allowedTypos, editDistance } from './fuzzy';
import { keyWords, nameKey } from './name-key';

// Local participant search: NIK (full or prefix) and KPJ through the unique indexes, names
// through the FTS5 index of migration 5. A name query asks for every word (the last one, when
// no name holds it whole, as a prefix: the teller may still be typing). The search key already
// makes "Siti Aminnah" and "Siti Aminah" the same words. When nothing is found as typed, the words no name holds are
// widened to the indexed words within one or two typos (from the list of indexed words, same first
// letter), so "Siti Aminak" finds "Siti Aminah".

export type MatchKind = 'nik' | 'kpj' | 'name' | 'fuzzy';
export interface LocalHit { row: ParticipantRow; match: MatchKind }

export type QueryKind = { kind: 'nik'; nik: string } | { kind: 'kpj'; kpj: string } | { kind: 'digits'; digits: string } | { kind: 'name'; words: string[] };

/** What the teller typed: a full NIK, a full KPJ, some digits (a prefix), or a name. */
export function classifyQuery(query: string): QueryKind {
  const compact = query.replace(/[\s.-]/g, '');
  if (/^\d+$/.test(compact)) {
    if (compact.length === 16) return { kind: 'nik', nik: compact };
    if (compact.length === 11) return { kind: 'kpj', kpj: compact };
    return { kind: 'digits', digits: compact };
  }
  return { kind: 'name', words: keyWords(nameKey(query)) };
}

/** The string just after every string starting with `prefix` (for an index range). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;

export function createParticipantSearch(db: Db) {
  const byNik = db.prepare('SELECT * FROM participants WHERE nik = ?');
  const byKpj = db.prepare('SELECT * FROM participants WHERE kpj = ?');
  const nikRange = db.prepare('SELECT * FROM participants WHERE nik >= ? AND nik < ? ORDER BY nik LIMIT ?');
  const kpjRange = db.prepare('SELECT * FROM participants WHERE kpj >= ? AND kpj < ? ORDER BY kpj LIMIT ?');
  const byMatch = db.prepare(`SELECT p.* FROM participant_search s JOIN participants p ON p.id = s.participant_id
    WHERE participant_search MATCH ? LIMIT ?`);
  const vocab = db.prepare(`SELECT word FROM participant_search_words
    WHERE word >= ? AND word < ? AND length(word) BETWEEN ? AND ?`).pluck();

  function digits(d: string, limit: number): LocalHit[] {
    const hits: LocalHit[] = [];
    const seen = new Set<string>();
    const add = (rows: ParticipantRow[], match: MatchKind) => {
      for (const row of rows) if (!seen.has(row.id) && hits.length < limit) { seen.add(row.id); hits.push({ row, match }); }
    };
    add(kpjRange.all(d, prefixEnd(d), limit) as ParticipantRow[], 'kpj');
    add(nikRange.all(d, prefixEnd(d), limit) as ParticipantRow[], 'nik');
    return hits;
  }

  /** Indexed words within the allowed typos of `word` (same first letter), nearest first, with their distance. */
  function nearWords(word: string): { word: string; d: number }[] {
    const max = allowedTypos(word);
    if (max === 0) return [{ word, d: 0 }];
    const first = word[0];
    const terms = vocab.all(first, prefixEnd(first), word.length - max, word.length + max) as string[];
    return terms
      .map((t) => ({ word: t, d: editDistance(word, t, max) }))
      .filter((x) => x.d <= max && /^[\p{L}\p{N}]+$/u.test(x.word))
      .sort((a, b) => a.d - b.d)
      .slice(0, 12);
  }

  const known = db.prepare('SELECT 1 FROM participant_search_words WHERE word = ?').pluck();
  const knownPrefix = db.prepare('SELECT 1 FROM participant_search_words WHERE word >= ? AND word < ? LIMIT 1').pluck();

  type Term = { word: string; as: 'word' | 'prefix' | 'unknown' };

  /** How each typed word can be asked: a whole indexed word, the start of one (still typing), or neither. */
  function termsOf(words: string[]): Term[] {
    return words.map((word, i) => {
      if (known.get(word) !== undefined) return { word, as: 'word' };
      // A prefix query gathers every document of every word it covers before answering, so it is
      // used only for the last word, from three letters on, and only when some word starts so.
      const last = i === words.length - 1;
      if (last && word.length >= 3 && knownPrefix.get(word, prefixEnd(word)) !== undefined) return { word, as: 'prefix' };
      return { word, as: 'unknown' };
    });
  }

  const asked = (t: Term) => (t.as === 'prefix' ? `${quote(t.word)} *` : quote(t.word));

  function names(words: string[], limit: number): LocalHit[] {
    if (words.length === 0) return [];
    const terms = termsOf(words);
    if (terms.every((t) => t.as !== 'unknown')) {
      const hits = byMatch.all(terms.map(asked).join(' AND '), limit) as ParticipantRow[];
      if (hits.length > 0) return hits.map((row) => ({ row, match: 'name' as const }));
    }
    // Nothing as typed: widen the words no name holds to their near spellings (or every word,
    // when each is known but no name holds them together), nearest first. Tier by tier (one
    // typo, then two) the index is asked for the names holding a spelling within that many
    // typos; a tier that fills the list ends the search, so the usual one-typo query costs one
    // index query of `limit` rows, and a closer name is never pushed out by a farther one.
    const widenAll = terms.every((t) => t.as !== 'unknown');
    const options = terms.map((t) => {
      if (!widenAll && t.as !== 'unknown') return [{ text: asked(t), d: 0 }];
      const near = nearWords(t.word).map((n) => ({ text: quote(n.word), d: n.d }));
      if (t.as === 'prefix') near.push({ text: asked(t), d: 0 });
      return near;
    });
    if (options.some((o) => o.length === 0)) return [];
    // Tier 0 (every word as typed) is the query that just found nothing.
    const tiers = [...new Set(options.flat().map((o) => o.d))].filter((d) => d > 0).sort((a, b) => a - b);
    const hits: LocalHit[] = [];
    const seen = new Set<string>();
    for (const tier of tiers) {
      const groups = options.map((o) => [...new Set(o.filter((x) => x.d <= tier).map((x) => x.text))]);
      if (groups.some((g) => g.length === 0)) continue;
      const query = groups.map((g) => (g.length === 1 ? g[0] : `(${g.join(' OR ')})`)).join(' AND ');
      const fresh = (byMatch.all(query, limit + seen.size) as ParticipantRow[]).filter((row) => !seen.has(row.id));
      // Within a tier, several misspelt words may sit at different distances: closest first.
      const ranked = fresh.length + hits.length > limit && options.filter((o) => o.length > 1).length > 1
        ? fresh.map((row) => ({ row, score: distanceOf(words, keyWords(nameKey(row.name))) }))
          .sort((a, b) => a.score - b.score || a.row.name.localeCompare(b.row.name)).map((f) => f.row)
        : fresh;
      for (const row of ranked) {
        if (hits.length >= limit) break;
        seen.add(row.id);
        hits.push({ row, match: 'fuzzy' });
      }
      if (hits.length >= limit) break;
    }
    return hits;
  }

  return {
    search(query: string, limit: number): LocalHit[] {
      const q = classifyQuery(query);
      switch (q.kind) {
        case 'nik': {
          const row = byNik.get(q.nik) as ParticipantRow | undefined;
          return row ? [{ row, match: 'nik' }] : [];
        }
        case 'kpj': {
          // Eleven digits are a KPJ, or the start of a NIK when no KPJ has them.
          const row = byKpj.get(q.kpj) as ParticipantRow | undefined;
          return row ? [{ row, match: 'kpj' }] : digits(q.kpj, limit);
        }
        case 'digits': return digits(q.digits, limit);
        case 'name': return names(q.words, limit);
      }
    },
  };
}
export type ParticipantSearch = ReturnType<typeof createParticipantSearch>;

/** Sum over the query words of the distance to the closest word of the name (ranking only). */
function distanceOf(query: string[], name: string[]): number {
  let total = 0;
  for (const w of query) {
    let best = w.length;
    for (const n of name) best = Math.min(best, n.startsWith(w) ? 0 : editDistance(w, n, best));
    total += best;
  }
  return total;
}
