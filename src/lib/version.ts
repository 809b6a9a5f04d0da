// The app's version (from package.json, defined at build time in vite.config.ts) and the bundled data's version.
declare const __APP_VERSION__: string;

export const APP_VERSION: string = __APP_VERSION__;
export const DATA_VERSION = '2026-12-01';
