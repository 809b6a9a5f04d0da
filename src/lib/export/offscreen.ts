// Lays a view's charts out at any width without touching the page: Svelte renders them in a hidden host, we copy the SVG, the host goes.
import { flushSync, mount, unmount, type Component } from 'svelte';
import { serialiseChart, type ChartPanel } from './svg';

/**
 * Mounts `component` in a host `width` px wide outside the viewport, copies every `svg[data-chart]` it draws (with
 * the styles it inherits from the page's theme), and removes it again, all before the browser paints.
 */
export function chartsAt<Props extends Record<string, unknown>>(component: Component<Props>, props: Props, width: number): ChartPanel[] {
  const host = document.createElement('div');
  host.inert = true;
  host.style.cssText = `position:fixed;top:0;left:${-2 * width - 100}px;width:${width}px;visibility:hidden;pointer-events:none;contain:strict`;
  document.body.append(host);
  const instance = mount(component, { target: host, props });
  try {
    flushSync();
    return [...host.querySelectorAll<SVGSVGElement>('svg[data-chart]')].map((svg) => ({ ...serialiseChart(svg), title: svg.dataset.panelTitle || undefined }));
  } finally {
    void unmount(instance);
    host.remove();
  }
}
