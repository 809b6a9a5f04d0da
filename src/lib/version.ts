// What this build is: the app's version, the data's release and the address the app is published at, fixed at build time.

// Replaced by vite.config.ts (`define`): the package.json version and the checked TECH_TARGETS_PUBLIC_URL.
declare const __APP_VERSION__: string;
declare const __PUBLIC_URL__: string;

/** The app's version, from package.json. */
export const APP_VERSION: string = __APP_VERSION__;

/**
 * The release of the bundled data (data/*.csv): the date of its last revision. Change it with the data — a unit
 * test compares DATA_FINGERPRINT with the files and says what to set when they differ.
 */
export const DATA_VERSION = '2026-12-01';
/** SHA-256 (first 16 hex digits) of the bundled data files (see tests/unit/version.test.ts): when they change, so must DATA_VERSION. */
export const DATA_FINGERPRINT = '13a536402feb1b6d';

/** The published address of the app, e.g. https://example.org/tech-targets/; '' when the build was given none. */
export const PUBLIC_URL: string = __PUBLIC_URL__;
