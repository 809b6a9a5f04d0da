// The footer line of an exported image: where the view can be found again, and never a reader's local file path.
import type { Messages } from '../i18n/en';
import { withQuery } from '../state/url';
import { APP_VERSION, DATA_VERSION, PUBLIC_URL } from '../version';

export interface BuildInfo {
  /** The published address of the app ('' for none). */
  publicUrl: string;
  appVersion: string;
  dataVersion: string;
}

const BUILD: BuildInfo = { publicUrl: PUBLIC_URL, appVersion: APP_VERSION, dataVersion: DATA_VERSION };

/**
 * The address a reader of the image can open: the published address with this view's query when there is one,
 * else the page's own address if it is on the web; null when the page is a file (or any other non-web address).
 */
export function creditAddress(pageUrl: string, publicUrl: string): string | null {
  let page: URL | null = null;
  try {
    page = new URL(pageUrl);
  } catch {
    // No usable page address: only a published one can be named.
  }
  if (publicUrl) return withQuery(publicUrl, page?.search ?? '');
  return page && (page.protocol === 'https:' || page.protocol === 'http:') ? page.href : null;
}

/** "Tech Targets · exported <date> · <address>", or, with no address to give, the app's and the data's versions. */
export function creditLine(m: Messages, pageUrl: string, date: string, build: BuildInfo = BUILD): string {
  const address = creditAddress(pageUrl, build.publicUrl);
  return address ? m.credit(date, address) : m.creditVersions(date, build.appVersion, build.dataVersion);
}
