import { mkdirSync, writeFileSync } from 'node:fs';
import { appPackageConfigSchema } from '../config/app-package-config.js';
import { loadConfigOrExit } from '../config/load-config.js';
import { fromRoot } from '../config/project-root.js';
import { buildAppPackage } from '../tab/app-package.js';

/** `npm run package`: writes the Teams app zip to sideload, with ids and domain from the configuration. */
async function main(): Promise<void> {
  const config = loadConfigOrExit('.env', appPackageConfigSchema);
  const zip = await buildAppPackage({ appId: config.MicrosoftAppId, publicUrl: config.PUBLIC_URL });
  const out = fromRoot('dist', 'veiligheidsbot-teams-app.zip');
  mkdirSync(fromRoot('dist'), { recursive: true });
  writeFileSync(out, zip);
  console.log(`Teams app package written to ${out}`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
