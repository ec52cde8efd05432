import { catalogue } from '../i18n/catalogue.js';

/**
 * The tab's HTML shell. It carries no data, only both languages' tab texts (the browser picks one
 * from the Teams context), so the page renders its frame before any API call. `<` is escaped in the
 * JSON so no text can close the script element.
 */
export function tabPage(): string {
  const texts = JSON.stringify({ nl: catalogue('nl').tab, en: catalogue('en').tab }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${catalogue('nl').tab.pageTitle}</title>
<link rel="stylesheet" href="/tab/app.css">
<script type="application/json" id="tab-texts">${texts}</script>
<script type="module" src="/tab/app.js"></script>
</head>
<body>
<div id="app" aria-busy="true"></div>
</body>
</html>
`;
}

/** Teams shows the tab in an iframe on its own hosts; elsewhere framing is refused. */
export const tabContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // FAST/Fluent elements and Chart.js set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com",
].join('; ');
