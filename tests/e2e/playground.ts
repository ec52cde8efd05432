import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, missingChromiumMessage } from '../helpers/browser-tests.js';
import { startTestBot, type TestBot } from '../helpers/test-app.js';
import { fromRoot } from '../../src/config/project-root.js';

export { skipBrowserTests } from '../helpers/browser-tests.js';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(missingChromiumMessage());
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Playground {
  url: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the Microsoft 365 Agents Playground (Teams channel, telemetry off) against a bot
 * endpoint. `configPath` chooses the personas file (default: the project's .m365agentsplayground.yml).
 */
export async function startPlayground(botMessagesUrl: string, options: { configPath?: string; lang?: string } = {}): Promise<Playground> {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  const port = await freePort();
  mkdirSync(fromRoot('.tmp'), { recursive: true });
  const child = spawn(process.execPath, [cli, 'start', '-e', botMessagesUrl, '-c', 'msteams', '-p', String(port), '--dt'], {
    cwd: fromRoot(),
    env: {
      ...process.env,
      TEAMSFX_TELEMETRY_DISABLED: 'true',
      // The Playground sends its own process locale with every activity: a Dutch colleague's Teams.
      LANG: options.lang ?? 'nl_NL.UTF-8',
      LC_ALL: options.lang ?? 'nl_NL.UTF-8',
      M365_AGENTS_PLAYGROUND_LOGFILE: fromRoot('.tmp', `playground-${port}.log`),
      ...(options.configPath ? { M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  // Ready when it says so: checked on each piece of output, no polling.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => stop(new Error(`The Playground did not start within 30 s: ${output}`)), 30_000);
    const onOutput = () => {
      if (output.includes('Listening on')) stop();
    };
    const onExit = (code: number | null) => stop(new Error(`The Playground exited (${code}): ${output}`));
    const stop = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onOutput);
      child.stderr?.off('data', onOutput);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('exit', onExit);
  });
  return {
    url: `http://localhost:${port}`,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** The chat as a person sees it: type, send, and wait for what the bot shows. */
export class PlaygroundChat {
  constructor(readonly page: Page) {}

  static async open(browser: Browser, playground: Playground, locale = 'nl-NL'): Promise<PlaygroundChat> {
    // A Dutch colleague's browser. Note: the Playground itself sends every message with locale en-US.
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale });
    await page.goto(playground.url);
    await page.getByRole('textbox').first().waitFor({ timeout: 20_000 });
    return new PlaygroundChat(page);
  }

  async say(text: string): Promise<void> {
    // The compose box, not an input of a card shown in the chat (the intake card has many).
    // It comes after the conversation in the page, so it is the last textbox.
    const box = this.page.getByRole('textbox').last();
    await box.fill(text);
    await box.press('Enter');
  }

  /** Waits for a plain text message of the bot. */
  async text(text: RegExp, timeout = 15_000): Promise<void> {
    try {
      await this.page.getByText(text).last().waitFor({ state: 'visible', timeout });
    } catch (error) {
      const shot = await this.screenshot(`failed-${Date.now()}`);
      throw new Error(`No message matching ${String(text)} appeared; screenshot: ${shot}`, { cause: error });
    }
  }

  /** The last Adaptive Card whose text contains `text` (waits for it). */
  async card(text: string | RegExp, timeout = 15_000): Promise<Locator> {
    const card = this.page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
    try {
      await card.waitFor({ state: 'visible', timeout });
    } catch (error) {
      const shot = await this.screenshot(`failed-${Date.now()}`);
      throw new Error(`No card matching ${String(text)} appeared; screenshot: ${shot}`, { cause: error });
    }
    return card;
  }

  /**
   * Clicks the refresh button of the last card matching `cardText` until `until` shows. After an action the bot
   * updates every posted copy in place with the public view; on a slow machine that update can land after the
   * user's refresh and replace the personal view (the Playground has no user-specific views to refresh it again),
   * so, as a user would, refresh again.
   */
  async refreshUntil(cardText: RegExp, button: string, until: RegExp, timeout = 60_000): Promise<Locator> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const card = await this.card(cardText);
      await card.getByRole('button', { name: button }).first().click();
      const shown = this.page.locator('.ac-adaptiveCard').filter({ hasText: until }).last();
      try {
        await shown.waitFor({ state: 'visible', timeout: 8_000 });
        return shown;
      } catch (error) {
        if (Date.now() > deadline) {
          const shot = await this.screenshot(`failed-${Date.now()}`);
          throw new Error(`No card matching ${String(until)} after refreshing for ${timeout / 1000} s; screenshot: ${shot}`, { cause: error });
        }
      }
    }
  }

  async screenshot(name: string): Promise<string> {
    const path = fromRoot('.tmp', `${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }
}

/**
 * A copy of the project's Playground personas file with another persona as the current user, so a
 * second Playground can play e.g. the burgemeester (the Playground has no user switcher).
 */
export async function personaConfig(personaId: string, personalChatId: string): Promise<string> {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const { parse, stringify } = await import('yaml');
  const config = parse(readFileSync(fromRoot('.m365agentsplayground.yml'), 'utf8')) as {
    currentUser: Record<string, unknown>;
    users: Record<string, unknown>[];
    personalChat: { id: string };
  };
  const persona = config.users.find((u) => u.id === personaId);
  if (!persona) throw new Error(`No persona ${personaId} in .m365agentsplayground.yml`);
  config.users = [config.currentUser, ...config.users.filter((u) => u.id !== personaId)];
  config.currentUser = persona;
  config.personalChat = { id: personalChatId };
  const path = fromRoot('.tmp', `playground-${personaId}-${process.pid}.yml`);
  writeFileSync(path, stringify(config));
  return path;
}

export interface PlaygroundSession {
  bot: TestBot;
  browser: Browser;
  /** The default persona's Playground (the adviser) first, then one per extra persona, in order. */
  playgrounds: Playground[];
}

/**
 * Registers beforeAll/afterAll that start the bot in-process, one Playground per persona (the
 * project's default persona first) and Chromium, and stop them all afterwards.
 */
export function usePlaygroundSession(options: { env?: Record<string, string>; personas?: { id: string; personalChatId: string; lang?: string }[] } = {}): PlaygroundSession {
  const session = { playgrounds: [] as Playground[] } as PlaygroundSession;
  beforeAll(async () => {
    session.bot = await startTestBot({ listen: true, env: options.env });
    const endpoint = `${session.bot.url}/api/messages`;
    session.playgrounds.push(await startPlayground(endpoint));
    for (const persona of options.personas ?? []) {
      session.playgrounds.push(await startPlayground(endpoint, { configPath: await personaConfig(persona.id, persona.personalChatId), ...(persona.lang ? { lang: persona.lang } : {}) }));
    }
    session.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await session.browser?.close();
    for (const playground of session.playgrounds) await playground.stop();
    await session.bot?.close();
  });
  return session;
}
