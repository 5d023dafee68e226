// Batch entry: the running count and total against the batch's control count and total.
export interface BatchControls {
  expectedCount: number;
  expectedMinor: number;
  actualCount: number;
  actualMinor: number;
}

export interface BatchBalance {
  countLeft: number;
  minorLeft: number;
  balanced: boolean;
  // over: more entered than the controls say
  state: 'short' | 'balanced' | 'over';
}

export function batchBalance(c: BatchControls): BatchBalance {
  const countLeft = c.expectedCount - c.actualCount;
  const minorLeft = c.expectedMinor - c.actualMinor;
  const balanced = countLeft === 0 && minorLeft === 0;
  const over = countLeft < 0 || minorLeft < 0;
  return { countLeft, minorLeft, balanced, state: balanced ? 'balanced' : over ? 'over' : 'short' };
}

// Validates the "new batch" form: a name, a whole count of at least 1.
export function checkBatchForm(name: string, count: string): Record<string, 'batch.nameMissing' | 'batch.countInvalid'> {
  const errors: Record<string, 'batch.nameMissing' | 'batch.countInvalid'> = {};
  if (!name.trim()) errors.name = 'batch.nameMissing';
  if (!/^\d+$/.test(count.trim()) || Number(count) < 1) errors.expected_count = 'batch.countInvalid';
  return errors;
}
