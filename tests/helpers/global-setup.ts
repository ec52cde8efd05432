import { rmSync } from 'node:fs';
import { browserTestPlan } from './browser-tests.js';
import { writePgliteTemplate } from './pglite-template.js';

export default async function setup(): Promise<() => void> {
  // Once per run, not once per browser test file: the one line that says how to enable them.
  const browsers = browserTestPlan();
  if (!browsers.run) console.log(`\n${browsers.notice}\n`);
  await writePgliteTemplate();
  return () => {
    if (process.env.VB_PGLITE_TEMPLATE) rmSync(process.env.VB_PGLITE_TEMPLATE, { force: true });
  };
}
