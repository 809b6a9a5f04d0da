// What a chart row needs to be drawn: generic, so the chart system knows nothing of cities or documents.
/** hollow: a target; filled: a reported actual; tinted: an expected figure; hatched: a quota handed down. */
export type BarFill = 'hollow' | 'filled' | 'tinted' | 'hatched';

export interface ChartRow {
  key: string;
  /** Text above the bar; wrapped to the chart width. */
  label: string;
  /** null draws an explicit "not stated" slot, never a zero bar. */
  value: number | null;
  color: string;
  fill: BarFill;
  /** Dashed outline: set apart, counts something the other rows do not. */
  dashed: boolean;
  /** A heading drawn above this row, where a new section (a rank set, the set-apart figures) begins. */
  heading?: string;
  /** Beside the bar end: qualifier, value, period. */
  valueLabel: string;
  /** Inside the empty slot of a value-less row. */
  missingLabel: string;
  /** What a screen reader adds after the visible text (the mark's name), e.g. its kind and source. */
  description: string;
  /** A highlighted city's row: its label is set in bold. */
  focused?: boolean;
  /**
   * A distribution strip instead of a bar: every figure of a section as a dot (many cities), the label saying how
   * many. Drawn by the Strip mark; Bars skips it.
   */
  dots?: ChartDot[];
  /** A strip's label in a few words ("26 figures"), for the narrow column beside the dots on a wide chart. */
  shortLabel?: string;
  /** A strip's accessible name: its section, if any, and its label ("2023 targets: 86 figures, one dot each, …"). */
  name?: string;
}

/** One figure in a distribution strip: a dot on the panel's scale, keyboard-reachable, with the same encodings as a bar. */
export interface ChartDot {
  key: string;
  value: number;
  color: string;
  fill: BarFill;
  dashed: boolean;
  /** The dot's accessible name: city and value. */
  label: string;
  description: string;
}

export interface ReferenceLine {
  value: number;
  label: string;
}
