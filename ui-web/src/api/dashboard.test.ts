import { describe, expect, it } from 'vitest';
import { change, coverageStep } from './dashboard';

describe('dashboard figures', () => {
  it('shows the change against last year', () => {
    expect(change(11000, 10000)).toBe('+10.0%');
    expect(change(9000, 10000)).toBe('−10.0%');
    expect(change(10000, 10000)).toBe('±0.0%');
    expect(change(5000, 0)).toBe('new');
    expect(change(0, 0)).toBe('—');
  });

  it('maps coverage to a bar width in 5% steps, capped at 100%', () => {
    expect(coverageStep(0)).toBe(0);
    expect(coverageStep(6667)).toBe(65);
    expect(coverageStep(10000)).toBe(100);
    expect(coverageStep(97300)).toBe(100);
    expect(coverageStep(-5)).toBe(0);
  });
});
