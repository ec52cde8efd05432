import { build } from 'esbuild';
import { fromRoot } from '../config/project-root.js';

/** Bundles the browser side of the tab (src/tab/web) into app.js and app.css for the bot to serve. */
export async function bundleTabWeb(outdir = fromRoot('dist', 'tab-web')): Promise<void> {
  await build({
    entryPoints: { app: fromRoot('src', 'tab', 'web', 'main.ts') },
    outdir,
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
