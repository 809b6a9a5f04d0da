// The address the app is published at, as given at build time: checked here so a wrong value stops the build.

/** The environment variable `vite.config.ts` reads; empty or unset means "not published". */
export const PUBLIC_URL_ENV = 'TECH_TARGETS_PUBLIC_URL';

/**
 * The published address, normalised ('' for none). Anything but a plain http(s) address — a typo, a file: path,
 * a query or fragment that would clash with the view's own — throws, naming the variable and the value.
 */
export function checkPublicUrl(value: string | undefined): string {
  const text = (value ?? '').trim();
  if (text === '') return '';
  const fail = (why: string) => {
    throw new Error(`${PUBLIC_URL_ENV}=${JSON.stringify(text)} ${why}. Set it to the app's address, e.g. https://example.org/tech-targets/, or leave it unset.`);
  };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail('is not an http(s) address');
  if (url.username || url.password) fail('carries a user name or password');
  if (url.search || url.hash) fail('has a query or fragment; the app adds the view’s own query');
  return url.href;
}
