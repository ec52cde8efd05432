import { rmSync } from 'node:fs';
import { writePgliteTemplate } from './pglite-template.js';

export default async function setup(): Promise<() => void> {
  await writePgliteTemplate();
  return () => {
    if (process.env.VB_PGLITE_TEMPLATE) rmSync(process.env.VB_PGLITE_TEMPLATE, { force: true });
  };
}
