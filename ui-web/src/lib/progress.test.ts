import { describe, expect, it } from 'vitest';
import { monthOf, percentStep, shiftMonth } from './progress';

describe('progress and months', () => {
  it('maps the percent of goal to a bar width in 5% steps, capped at 100%', () => {
    expect(percentStep(null)).toBe(0);
    expect(percentStep('0.00')).toBe(0);
    expect(percentStep('31.00')).toBe(30);
    expect(percentStep('99.99')).toBe(95);
    expect(percentStep('100.00')).toBe(100);
    expect(percentStep('250.50')).toBe(100);
    expect(percentStep('nonsense')).toBe(0);
  });

  it('moves between months across years', () => {
    expect(monthOf('2026-03-15')).toBe('2026-03');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-03', 12)).toBe('2027-03');
  });
});
