import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { registerStudent } from "./helpers";

const header = (page: Page) => page.getByRole("banner");
const footer = (page: Page) => page.getByRole("contentinfo");

test("the home page explains the service: how it works, the three services, why trust it, FAQ", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("main")).toBeVisible();
  await expect(header(page).getByRole("navigation", { name: "Main" })).toBeVisible();
  for (const section of ["From brief to finished work in four steps", "Three kinds of help, each with a brief that fits", "Built so your work and your money are safe", "Questions students ask before they start"]) {
    await expect(page.getByRole("region", { name: section })).toBeVisible();
  }
  for (const service of ["Written paper", "Homework solutions", "Exam support"]) {
    await expect(page.getByRole("heading", { name: service, level: 3 })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Pay only approved invoices" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Stripe and PayPal" })).toBeVisible();

  const answer = page.getByText("Only you, the teachers on your assignment and our support staff.");
  await expect(answer).toBeHidden();
  await page.getByText("Who can see my files?").click();
  await expect(answer).toBeVisible();

  await header(page).getByRole("link", { name: "FAQ" }).click();
  await expect(page).toHaveURL(/#faq$/);
});

test("the home page leads to sign-up, sign-in, terms, privacy and contact", async ({ page }) => {
  await page.goto("/");
  await header(page).getByRole("link", { name: "Get help" }).click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByRole("heading", { name: "Create a student account" })).toBeVisible();

  await page.goto("/");
  await header(page).getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login$/);

  for (const [link, path, heading] of [
    ["Terms", "/terms", "Terms of service"],
    ["Privacy", "/privacy", "Privacy policy"],
    ["Contact", "/contact", "Contact us"],
  ] as const) {
    await page.goto("/");
    await footer(page).getByRole("link", { name: link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(footer(page)).toContainText(`© ${new Date().getFullYear()} Nano Problem`);
  }
  await expect(page.getByRole("link", { name: "support@nanoproblem.test" }).first()).toHaveAttribute("href", "mailto:support@nanoproblem.test");
  await page.goto("/terms");
  await expect(page.getByText(/Last updated \d{1,2} \w+ \d{4}/)).toBeVisible();
});

test("on a phone the header fits and its menu reaches every section", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  const menu = page.getByRole("navigation", { name: "Menu" });
  await expect(menu).toBeHidden();
  await header(page).locator("summary", { hasText: "Menu" }).click();
  await expect(menu.getByRole("link", { name: "Sign in" })).toBeVisible();
  await menu.getByRole("link", { name: "Services" }).click();
  await expect(page).toHaveURL(/#services$/);
});

test("a signed-in student sees Open your dashboard instead of Sign in, leading to /student", async ({ browser }) => {
  const { page, context } = await registerStudent(browser);
  await page.goto("/");
  await expect(header(page).getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await header(page).getByRole("link", { name: "Open your dashboard" }).click();
  await expect(page).toHaveURL(/\/student$/);
  await context.close();
});

test("the favicon, the app icons and the social preview are images", async ({ page, request }) => {
  await page.goto("/");
  const icon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  for (const [url, type] of [
    [icon, /^image\/svg\+xml/],
    [appleIcon, /^image\/png/],
    [ogImage, /^image\/png/],
    ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/],
  ] as const) {
    expect(url).toBeTruthy();
    const response = await request.get(new URL(url!, page.url()).pathname);
    expect(response.status(), String(url)).toBe(200);
    expect(response.headers()["content-type"]).toMatch(type);
  }
  const robots = await request.get("/robots.txt");
  expect(await robots.text()).toContain("Disallow: /admin");
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/terms</loc>");
  expect(sitemap).not.toContain("/student");
});
