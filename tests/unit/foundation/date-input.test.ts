import { describe, expect, it } from 'vitest';
import { isoToTyped, tidyTyped, typedToValue } from '../../../shared/date-input';

describe('dates typed as DD/MM/YYYY', () => {
  it('shows an ISO date day first', () => {
    expect(isoToTyped('1990-08-17')).toBe('17/08/1990');
    expect(isoToTyped('')).toBe('');
    expect(isoToTyped('17/08')).toBe('17/08');
  });

  it('puts the slashes in as the teller types digits', () => {
    expect(tidyTyped('1')).toBe('1');
    expect(tidyTyped('17')).toBe('17/');
    expect(tidyTyped('1708')).toBe('17/08/');
    expect(tidyTyped('17081990')).toBe('17/08/1990');
    expect(tidyTyped('170819901')).toBe('17/08/1990');
    expect(tidyTyped('17/08/1990')).toBe('17/08/1990');
    expect(tidyTyped('1/8/1990')).toBe('01/08/1990');
    expect(tidyTyped('17-08-1990')).toBe('17/08/1990');
    expect(tidyTyped('ab17')).toBe('17/');
  });

  it('gives the form an ISO date once complete, and the text itself until then', () => {
    expect(typedToValue('17/08/1990')).toBe('1990-08-17');
    expect(typedToValue('1/8/1990')).toBe('1990-08-01');
    expect(typedToValue('')).toBe('');
    expect(typedToValue('17/08/19')).toBe('17/08/19');
    // Not a real day: ISO-shaped, so the form's own check says so next to the field.
    expect(typedToValue('31/02/1990')).toBe('1990-02-31');
  });

  it('round-trips every day of a year', () => {
    for (let d = new Date(Date.UTC(2024, 0, 1)); d.getUTCFullYear() === 2024; d = new Date(d.getTime() + 86_400_000)) {
      const iso = d.toISOString().slice(0, 10);
      expect(typedToValue(tidyTyped(isoToTyped(iso).replace(/\//g, '')))).toBe(iso);
    }
  });
});
