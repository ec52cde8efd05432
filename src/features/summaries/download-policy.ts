import type { Config } from '../../config/config-schema.js';
export { DEFAULT_DOWNLOAD_DOMAINS } from '../../config/download-domains.js';
import { isLoopbackHost } from '../../http/loopback.js';

/** Where a file a user sends may be fetched from: checked for the first URL and every redirect. */
export interface DownloadPolicy {
  allows(url: URL): boolean;
}

const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * Only https, only hosts on the configured Microsoft 365 domains, no credentials in the URL. In
 * local mode (no app id) the Playground serves files on loopback over http, so that is allowed too.
 */
export function downloadPolicy(config: Pick<Config, 'MicrosoftAppId' | 'FILE_DOWNLOAD_DOMAINS'>): DownloadPolicy {
  const domains = config.FILE_DOWNLOAD_DOMAINS;
  const localMode = !config.MicrosoftAppId;
  return {
    allows(url) {
      if (url.username || url.password) return false;
      const host = url.hostname.toLowerCase().replace(/\.$/, '');
      if (localMode && (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(host)) return true;
      return url.protocol === 'https:' && domains.some((domain) => onDomain(host, domain));
    },
  };
}
