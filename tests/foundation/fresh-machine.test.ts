import { describe, expect, it } from 'vitest';
import { browserTestPlan } from '../helpers/browser-tests.js';

describe('a fresh machine without Chromium', () => {
  it('skips the browser tests with one line saying how to enable them', () => {
    const plan = browserTestPlan({}, false);
    expect(plan.run).toBe(false);
    if (plan.run) return;
    expect(plan.notice).toMatch(/^Browser tests skipped: .*apt-get install chromium/);
    expect(plan.notice).not.toContain('\n');
  });

  it('runs them when CI is set, so a CI machine without a browser fails instead of passing with less', () => {
    expect(browserTestPlan({ CI: 'true' }, false)).toEqual({ run: true });
    expect(browserTestPlan({ CI: '1' }, false)).toEqual({ run: true });
    expect(browserTestPlan({ CI: 'false' }, false).run).toBe(false);
  });

  it('runs them where Chromium is, and SKIP_BROWSER_TESTS=1 still skips them anywhere', () => {
    expect(browserTestPlan({}, true)).toEqual({ run: true });
    expect(browserTestPlan({ SKIP_BROWSER_TESTS: '1', CI: 'true' }, true).run).toBe(false);
  });
});
