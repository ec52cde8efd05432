import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/**
 * The benchmark's baseline: the smallest botbuilder + restify bot, with the same body parsing as
 * the real one, that answers every message with its own text. What the real bot costs on top of
 * this is what its features cost. Runs as a child process of `npm run bench` (PORT from the env;
 * prints `listening <port>` on stdout). It lives under src/cli/bench/ rather than src/teams/
 * because it is a measuring instrument, not part of the bot.
 */
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (_context, error) => {
  console.error(`echo bot turn failed: ${(error as Error).message}`);
};

const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: 256_000, mapParams: false, mapFiles: false }));

server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context) => {
    if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
  });
});
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
