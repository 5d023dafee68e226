// Progress toward a goal as a bar width class (CSS classes in 5% steps; the CSP refuses style
// attributes) from the API's percent text ("31.00", rounded down, may pass 100).
export function percentStep(percentText: string | null | undefined): number {
  if (!percentText) return 0;
  const value = Number.parseFloat(percentText);
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.min(100, Math.floor(value / 5) * 5);
}

// "2026-03" for a day, and the month before/after one ("2026-01" -> "2025-12").
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
