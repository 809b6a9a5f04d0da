// Giving the main thread back: long work runs in slices, so input and painting never wait on it.

/** Runs `task` once, after the next frame has been painted, or after a quarter second if no frame comes (a hidden tab). */
export function afterNextPaint(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  setTimeout(run, 250);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run));
}

/**
 * Lets the browser run input, rendering and other tasks, then goes on. scheduler.yield() where there is one;
 * otherwise a message to ourselves — not setTimeout, which browsers clamp and throttle when it is chained.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
