import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // restify's spdy dependency (http-deceiver) reads process.binding('http_parser'): a known,
    // harmless deprecation that would print twice per test file.
    execArgv: ['--disable-warning=DEP0111'],
    // Two cores: more workers only make the PGlite- and Chromium-heavy files slower.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
