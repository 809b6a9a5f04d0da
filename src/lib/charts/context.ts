// The typed context a chart shell shares with its marks and axes.
import { getContext, setContext } from 'svelte';
import type { ScaleLinear } from 'd3-scale';
import type { RowLayout } from './layout';
import type { ChartRow } from './types';

/** A row as the shell placed it: the data and its box, together, so no mark pairs two arrays by index. */
export interface PlacedRow extends ChartRow {
  box: RowLayout;
}

export interface ChartContext {
  readonly width: number;
  readonly height: number;
  readonly x: ScaleLinear<number, number>;
  readonly rows: PlacedRow[];
  readonly plotTop: number;
  readonly plotBottom: number;
  readonly uid: string;
}

const KEY = Symbol('chart');

export function setChartContext(context: ChartContext): void {
  setContext(KEY, context);
}

export function getChartContext(): ChartContext {
  const context = getContext<ChartContext | undefined>(KEY);
  if (!context) throw new Error('A chart mark must sit inside <Chart>.');
  return context;
}
