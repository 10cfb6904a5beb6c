import { describe, expect, it } from 'vitest';
import { numberInWords, terbilang } from '../../../shared/domain/terbilang';

describe('terbilang', () => {
  it.each([
    [0, 'nol rupiah'],
    [1, 'satu rupiah'],
    [10, 'sepuluh rupiah'],
    [11, 'sebelas rupiah'],
    [12, 'dua belas rupiah'],
    [19, 'sembilan belas rupiah'],
    [20, 'dua puluh rupiah'],
    [68, 'enam puluh delapan rupiah'],
    [100, 'seratus rupiah'],
    [111, 'seratus sebelas rupiah'],
    [250, 'dua ratus lima puluh rupiah'],
    [1_000, 'seribu rupiah'],
    [1_100, 'seribu seratus rupiah'],
    [8_400, 'delapan ribu empat ratus rupiah'],
    [11_000, 'sebelas ribu rupiah'],
    [16_800, 'enam belas ribu delapan ratus rupiah'],
    [18_150, 'delapan belas ribu seratus lima puluh rupiah'],
    [33_600, 'tiga puluh tiga ribu enam ratus rupiah'],
    [100_000, 'seratus ribu rupiah'],
    [101_000, 'seratus satu ribu rupiah'],
    [213_800, 'dua ratus tiga belas ribu delapan ratus rupiah'],
    [1_000_000, 'satu juta rupiah'],
    [1_001_000, 'satu juta seribu rupiah'],
    [2_500_075, 'dua juta lima ratus ribu tujuh puluh lima rupiah'],
    [1_000_000_000, 'satu miliar rupiah'],
    [12_345_678_901, 'dua belas miliar tiga ratus empat puluh lima juta enam ratus tujuh puluh delapan ribu sembilan ratus satu rupiah'],
    [1_000_000_000_000, 'satu triliun rupiah'],
    [999_999_999_999_999, 'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan rupiah'],
  ])('%i → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('refuses negatives, fractions and amounts beyond the trillions', () => {
    expect(() => numberInWords(-1)).toThrow(RangeError);
    expect(() => numberInWords(1.5)).toThrow(RangeError);
    expect(() => numberInWords(1e15)).toThrow(RangeError);
  });
});
