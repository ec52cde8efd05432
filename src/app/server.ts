import { loadConfigOrExit } from '../config/load-config.js';
import { isAppError } from '../errors/app-error.js';
import { createLogger } from '../logging/logger.js';
import { format } from '../i18n/catalogue.js';
import { nl } from '../i18n/nl.js';
import { openStore } from '../store/open-store.js';

/** The listening server: a thin wrapper around buildApp, with signals and exit codes. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // The store opens (the embedded one: a second of PGlite start-up on its own thread) while the
  // bot's modules load, instead of after them.
  const openingStore = openStore(config, createLogger(config.LOG_LEVEL));
  // A failure to open is reported through app.ready below; until then it must not count as unhandled.
  openingStore.catch(() => undefined);
  const { buildApp } = await import('./build-app.js');
  const app = buildApp({ config, openingStore });
  process.on('unhandledRejection', (reason) => app.log.error({ err: reason }, 'unhandled rejection'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing in-flight turns');
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const { port } = await app.listen();
  app.log.info({ port, localMode: !config.MicrosoftAppId }, `Veiligheidsbot listening on port ${port}`);
  try {
    await app.ready;
  } catch (error) {
    const message = isAppError(error) ? format(nl.errors[error.code], error.params) : (error as Error).message;
    console.error(`Startup failed: ${message}`);
    await app.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
