import '@testing-library/jest-dom/vitest';

// jsdom has no layout: the chart shell keeps its initial width, which is all these tests need.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
