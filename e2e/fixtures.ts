import { test as base, type BrowserContext } from "@playwright/test";

export { expect } from "@playwright/test";

/**
 * Playwright closes the `context` and `page` fixtures after each test, but not contexts a journey
 * opens itself with `browser.newContext()` (every extra person in a journey). Left open, their pages
 * keep their real-time connections and refetches running in the one browser a worker shares, and
 * each later test runs slower. This closes every context a test opened once it ends; contexts made in
 * `beforeAll` (shared by a describe block on purpose) were there before and stay.
 */
export const test = base.extend<{ closeContextsOpenedByTest: void }>({
  closeContextsOpenedByTest: [
    async ({ browser }, use) => {
      const before = new Set<BrowserContext>(browser.contexts());
      await use();
      const opened = browser.contexts().filter((context) => !before.has(context));
      await Promise.all(opened.map((context) => context.close().catch(() => undefined)));
    },
    { auto: true },
  ],
});
