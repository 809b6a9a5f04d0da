// What a chart row needs to be drawn: generic, so the chart system knows nothing of cities or documents.
export type BarFill = 'hollow' | 'filled' | 'hatched';

export interface ChartRow {
  key: string;
  /** Text above the bar; wrapped to the chart width. */
  label: string;
  /** null draws an explicit "not stated" slot, never a zero bar. */
  value: number | null;
  color: string;
  fill: BarFill;
  /** Dashed outline: a narrower scope than the other rows. */
  dashed: boolean;
  /** Beside the bar end: qualifier, value, period. */
  valueLabel: string;
  /** Inside the empty slot of a value-less row. */
  missingLabel: string;
  /** What a screen reader adds after the visible text (the mark's name), e.g. its kind and source. */
  description: string;
}

export interface ReferenceLine {
  value: number;
  label: string;
}
