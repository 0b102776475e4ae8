import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./helpers";

/**
 * Signs in and waits for the landing page. The wait is longer than expect's default: the first
 * request to a page compiles it when a spec runs against the development server.
 */
export async function signInAndLand(page: Page, email: string, home: string, password = DEMO_PASSWORD) {
  await signIn(page, email, password);
  await expect(page).toHaveURL(new RegExp(`${home}$`), { timeout: 60_000 });
}

/** A page signed in as `email`, in a browser context of its own (viewport as given). */
export async function signedInPage(browser: Browser, email: string, home: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signInAndLand(page, email, home);
  return page;
}
