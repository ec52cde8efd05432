import { bundleTabWeb } from './web-bundle.js';

/** `npm run build:tab`. */
bundleTabWeb().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
