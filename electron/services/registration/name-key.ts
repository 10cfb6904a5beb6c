// The search key of a name: the same rules written twice, once as a JS function (queries) and
// once as a SQL expression (the triggers of migration 5), both built from this one list so
// they cannot drift. Lower-case (ASCII, as SQLite's lower()), old spelling to new (Soekarno →
// Sukarno, Djoko → Joko), doubled letters made single (Aminnah → Aminah, Muhammad → Muhamad).
// Both sides replace left to right without overlap, exactly as SQLite's replace() does.
// Migration 5 builds its triggers from these rules: changing them needs a new migration that
// recreates the triggers and rebuilds the index.

const SPELLING: readonly [string, string][] = [['dj', 'j'], ['tj', 'c'], ['oe', 'u'], ['sj', 'sy']];
const DOUBLES: readonly [string, string][] = [...'abcdefghijklmnopqrstuvwxyz'].map((c) => [c + c, c]);
export const NAME_KEY_RULES: readonly [string, string][] = [...SPELLING, ...DOUBLES];

export function nameKey(name: string): string {
  let s = name.replace(/[A-Z]/g, (c) => c.toLowerCase());
  // A rule whose pattern is absent changes nothing; skipping it keeps a search from making
  // thirty new strings per name it ranks (same result, rule by rule, as the SQL side).
  for (const [from, to] of NAME_KEY_RULES) if (s.includes(from)) s = s.split(from).join(to);
  return s;
}

/** The same as nameKey, as SQL over `column` (for triggers: no custom functions needed). */
export function nameKeySql(column: string): string {
  let expr = `lower(${column})`;
  for (const [from, to] of NAME_KEY_RULES) expr = `replace(${expr}, '${from}', '${to}')`;
  return expr;
}

/** Characters that part words in a name (what the registration schema lets through, and a few more). */
export const WORD_BREAKS = ['.', ',', "'", '`', '-', '(', ')', '/', '"', '\\', '\t'] as const;

/** Words of a search key as the FTS tokenizer (unicode61) splits them, lower-cased. */
export function keyWords(key: string): string[] {
  return key.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/**
 * The words of the key of `column` as a JSON array in SQL, for json_each in a trigger:
 * word breaks become spaces, and the quoted key split at its spaces becomes the array.
 */
export function keyWordsJsonSql(column: string): string {
  let expr = nameKeySql(column);
  for (const b of WORD_BREAKS) expr = `replace(${expr}, '${b.replace(/'/g, "''")}', ' ')`;
  return `'[' || replace(json_quote(${expr}), ' ', '","') || ']'`;
}

/**
 * Older SQLite parsers (3.31–3.40, Debian's and Python's) overflow their parser stack on an
 * expression nested about 25 deep; the 30 rules above nest 31 deep. Migration 13's triggers
 * therefore apply the rules a slice at a time, each slice one statement over a scratch row.
 * `rules` applied to `expr`, in order, as nested replace() calls.
 */
export function replaceChainSql(expr: string, rules: readonly (readonly [string, string])[]): string {
  for (const [from, to] of rules) expr = `replace(${expr}, '${from.replace(/'/g, "''")}', '${to.replace(/'/g, "''")}')`;
  return expr;
}

/** The rules in slices of at most `size`, so that no expression nests deeper than size + 2. */
export function ruleSlices(rules: readonly (readonly [string, string])[], size = 12): (readonly [string, string])[][] {
  const out: (readonly [string, string])[][] = [];
  for (let i = 0; i < rules.length; i += size) out.push(rules.slice(i, i + size));
  return out;
}

/** Word breaks as rules that turn each into a space (the words' split, as keyWordsJsonSql does). */
export const WORD_BREAK_RULES: readonly [string, string][] = WORD_BREAKS.map((b) => [b, ' ']);
