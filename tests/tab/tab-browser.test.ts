import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/config/project-root.js';
import { createCase, intakeSchema } from '../../src/features/mediation/index.js';
import { bundleTabWeb } from '../../src/tab/web-bundle.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, missingChromiumMessage, skipBrowserTests } from '../helpers/browser-tests.js';
import { TENANT_ID } from '../helpers/teams-activity.js';
import { startTestBot, type TestBot } from '../helpers/test-app.js';

/** A referral as the intake card would send it; only its anonymous facts may ever reach the tab. */
function intake(kinds: string, referrerRole: string) {
  return intakeSchema.parse({
    referrerRole,
    referrerName: 'Karel Testpersoon',
    referrerContact: '0612345678',
    partyAName: 'Annemiek Geheimnaam',
    partyAAddress: 'Dorpsstraat 1',
    partyAPostcode: '7602 AB',
    partyAContact: 'annemiek@example.nl',
    kinds,
    duration: 'een-tot-zes-maanden',
    description: 'Geluidsoverlast van de buren in de avond.',
    violence: false,
    consent: true,
    urgency: 'normaal',
  });
}

async function axeScan(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: readFileSync(fromRoot('node_modules/axe-core/axe.min.js'), 'utf8') });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => n.target.join(' ')).slice(0, 5) }));
  });
}

describe.skipIf(skipBrowserTests)('dashboard tab in headless Chromium', () => {
  let bot: TestBot;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(missingChromiumMessage());
    mkdirSync(fromRoot('.tmp'), { recursive: true });
    await bundleTabWeb();
    bot = await startTestBot({ listen: true, env: { SAMPLE_KNOWLEDGE: 'true' }, now: () => new Date('2026-03-20T10:00:00Z') });
    // Referrals through the mediation feature's own use case, so the statistics come from real code.
    const cases: [string, string, string][] = [
      ['geluid', 'politie', '2026-01-10'],
      ['geluid,parkeren', 'woningcorporatie', '2026-02-03'],
      ['huisdieren', 'bewoner', '2026-02-20'],
      ['erfgrens', 'politie', '2026-03-05'],
    ];
    for (const [i, [kinds, role, day]] of cases.entries()) {
      await createCase(bot.db, { tenantId: TENANT_ID, idempotencyKey: `tab-test-${i}`, intake: intake(kinds, role), now: new Date(`${day}T09:00:00Z`) });
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  async function open(query = ''): Promise<Page> {
    // bypassCSP only so axe-core can be injected; the page itself runs under its real policy otherwise.
    const page = await browser.newPage({ viewport: { width: 1280, height: 1100 }, bypassCSP: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${bot.url}/tab/${query}`);
    // Outside Teams the page waits about a second for the host, then loads its data.
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 15_000 });
    // Charts (no animation) draw on the next animation frame: wait for two frames, not for a time.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(errors).toEqual([]);
    return page;
  }

  it('shows priorities with sources, the milestone timeline and the mediation charts with tables, in Dutch', async () => {
    const page = await open();
    expect(await page.locator('h1').textContent()).toBe('Veiligheid');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');

    const priorities = page.locator('#priorities');
    await expect.poll(() => priorities.locator('h3').count()).toBeGreaterThan(0);
    expect(await priorities.textContent()).toContain('Bronnen');
    expect(await priorities.textContent()).not.toContain('Nog niet beschikbaar');

    const timeline = page.locator('#milestones ol.timeline li');
    expect(await timeline.count()).toBeGreaterThan(0);
    expect(await page.locator('#milestones fluent-badge').first().textContent()).toMatch(/Nog niet ingediend|Wacht op goedkeuring|Goedgekeurd|Afgewezen|Wijzigingen gevraagd|Afgerond/);

    const mediation = page.locator('#mediation');
    expect(await mediation.textContent()).toContain('Aanmeldingen in totaal: 4');
    expect(await mediation.locator('canvas[role="img"]').count()).toBe(3);
    expect(await mediation.locator('details table').count()).toBe(3);
    const monthTable = await mediation.locator('details table').first().textContent();
    expect(monthTable).toContain('2026-02');
    // The intake's personal data never reaches the tab.
    expect(await page.content()).not.toMatch(/Annemiek|Geheimnaam|Karel|0612345678|Dorpsstraat/);

    expect(await page.locator('#documents ul.documents li').count()).toBeGreaterThan(0);
    // Dutch dates, as the timeline writes them; source labels not in capitals.
    const documents = (await page.locator('#documents').textContent()) ?? '';
    expect(documents).toContain('Bijgewerkt 11 juli 2023');
    expect(documents).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await priorities.textContent()).not.toMatch(/– [A-Z]{5,}/);
    await page.screenshot({ path: fromRoot('.tmp', 'tab-light.png'), fullPage: true });
    expect(await axeScan(page)).toEqual([]);
    await page.close();
  });

  it('searches the documents with the bot retrieval, showing script as text', async () => {
    const page = await open();
    const input = page.locator('#document-search input');
    await input.fill('cameratoezicht');
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 5000 }).toMatch(/resultaten voor "cameratoezicht"/);
    // A result opens to show where in the document the words stand.
    const first = page.locator('#documents details.hit').first();
    await first.locator('summary').click();
    expect(await first.getAttribute('open')).not.toBeNull();
    expect(await first.textContent()).toMatch(/Uit: /);
    expect((await first.locator('summary p').textContent())?.toLowerCase()).toMatch(/camera|toezicht/);
    await input.fill('<img src=x onerror="window.__xss=1"> ' + 'a'.repeat(300));
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 5000 }).toContain('<img src=x');
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
    expect(await page.locator('#documents img').count()).toBe(0);
    await page.close();
  });

  it('applies the dark theme and stays accessible', async () => {
    const page = await open('?theme=dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(3 * 80);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.screenshot({ path: fromRoot('.tmp', 'tab-dark.png'), fullPage: true });
    expect(await axeScan(page)).toEqual([]);
    await page.close();
  });

  it('speaks English when the locale is English', async () => {
    const page = await open('?locale=en');
    expect(await page.locator('h1').textContent()).toBe('Safety');
    expect(await page.locator('#mediation').textContent()).toContain('Referrals in total: 4');
    await page.close();
  });

  it('can be used with the keyboard alone: Tab reaches links, table toggles and the search box with a visible focus', async () => {
    const page = await open();
    const reached: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        let el = document.activeElement as HTMLElement | null;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
        if (!el || el === document.body) return null;
        const host = (el.getRootNode() as ShadowRoot).host as HTMLElement | undefined;
        // Light-DOM controls show an outline; Fluent controls draw their focus ring inside their shadow root.
        const rings = host ? [host, host.shadowRoot?.querySelector('.root') as HTMLElement | null] : [el];
        const visible = rings.some((ring) => {
          if (!ring) return false;
          const style = getComputedStyle(ring);
          return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        });
        return { tag: (host?.tagName ?? el.tagName).toLowerCase(), visible };
      });
      if (info) {
        reached.push(info.tag);
        expect(info.visible, `focus visible on ${info.tag}`).toBe(true);
      }
    }
    expect(reached).toContain('summary');
    expect(reached).toContain('fluent-text-field');
    await page.close();
  });
});
