import fc from 'fast-check';

// Inputs a hostile or broken client might send: control characters, RTL marks, huge and
// negative numbers, floats, impossible dates, very long strings.

export const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '', ' ', '\u0000', '\u202eRTL\u202c', '\u200f\u200e', '\r\n\t', '𝄞'.repeat(10), '<script>alert(1)</script>',
    "'; DROP TABLE ledger_entries; --", '../../etc/passwd', '3201234567890001', '2026-02-30', '2026-13-01', '99999999999',
    '0812345678', 'NaN', '-0', '1e308', '__proto__', 'constructor',
  ),
  fc.integer({ min: 1, max: 60 }).map((n) => 'x'.repeat(n * 1000)),
);

export const nastyNumber = fc.oneof(
  fc.integer(), fc.double(), fc.constantFrom(0, -1, -16800, 1.5, 0.1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308),
);

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString, nastyNumber, fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.array(nastyString, { maxLength: 5 }), fc.dictionary(nastyString, nastyString, { maxKeys: 4 }),
);

/** An object with some of the expected keys (so validation goes deeper) and hostile values. */
export function hostileInput(keys: readonly string[]): fc.Arbitrary<unknown> {
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, nastyValue])), { requiredKeys: [] })
    : fc.constant({});
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything() });
}

/** A 10 MB string: sent once per procedure and key, not in every generated case (it is slow to build and parse). */
export const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
