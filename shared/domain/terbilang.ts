// Amounts in words for receipts (*terbilang*), e.g. 16.800 → "enam belas ribu delapan ratus rupiah".
// Indonesian uses "se-" for one hundred, one thousand, eleven and ten ("seratus", "seribu",
// "sebelas", "sepuluh"), but "satu juta", "satu miliar", "satu triliun".

const DIGITS = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun'];
const MAX = 10 ** 15 - 1;

/** Words for 1–999. */
function hundreds(n: number): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 1) words.push('seratus');
  else if (h > 1) words.push(DIGITS[h], 'ratus');
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(DIGITS[rest - 10], 'belas');
  else if (rest >= 20) {
    words.push(DIGITS[Math.floor(rest / 10)], 'puluh');
    if (rest % 10) words.push(DIGITS[rest % 10]);
  } else if (rest > 0) words.push(DIGITS[rest]);
  return words;
}

/** The number in words, without "rupiah": 0 → "nol", 1000 → "seribu". */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX) throw new RangeError(`terbilang: out of range: ${n}`);
  if (n === 0) return 'nol';
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) continue;
    if (i === 1 && g === 1) words.push('seribu');
    else words.push(...hundreds(g), ...(SCALES[i] ? [SCALES[i]] : []));
  }
  return words.join(' ');
}

/** `terbilang(16800)` → "enam belas ribu delapan ratus rupiah". */
export function terbilang(amount: number): string {
  return `${numberInWords(amount)} rupiah`;
}
