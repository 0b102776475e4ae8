import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type FrameLocator, type Page } from "@playwright/test";
import pg from "pg";

type E2eServerInfo = { appUrl?: string; databaseUrl?: string; widgetHostPort?: string };

/** What the e2e server wrote about itself (scripts/e2e-server.ts); the visitor journeys need its database and the other website. */
export function e2eServer(): E2eServerInfo {
  try {
    return JSON.parse(fs.readFileSync(path.resolve(".test-results/e2e-server.json"), "utf8")) as E2eServerInfo;
  } catch {
    return {};
  }
}

/**
 * The widget is open around the clock for these journeys (the default hours would put a night-time
 * CI run in offline mode), and the per-IP session limit starts empty: every browser here is 127.0.0.1.
 */
export async function prepareWidget() {
  const { databaseUrl } = e2eServer();
  if (!databaseUrl) throw new Error("no e2e server database: run the visitor journeys through the e2e server (.test-results/e2e-server.json)");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const allWeek = JSON.stringify([0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: "00:00", close: "24:00" })));
    await client.query("update visitor_chat_settings set weekly_hours = $1::jsonb, require_email = false, canned_replies = $2::jsonb", [allWeek, JSON.stringify(["Thanks for waiting! Let me look."])]);
    await client.query("delete from rate_limit_hits where bucket like 'visitor%'");
  } finally {
    await client.end();
  }
}

/** Waits until the widget says someone is there (or is not): presence is cached for ~2 s on the server. */
export async function expectAvailability(request: APIRequestContext, online: boolean) {
  await expect
    .poll(async () => ((await (await request.get("/api/widget/availability")).json()) as { data: { online: boolean } }).data.online, { timeout: 20_000 })
    .toBe(online);
}

/** Clicks the launcher the loader draws and waits for the panel in its frame. */
export async function openWidget(page: Page): Promise<FrameLocator> {
  await page.getByRole("button", { name: "Open chat" }).click();
  const panel = page.frameLocator('iframe[title="Chat with us"]');
  await expect(panel.locator(".panel[data-ready]")).toBeVisible();
  return panel;
}

export async function startChat(panel: FrameLocator, visitor: { name: string; email?: string; question: string }) {
  await panel.getByLabel("Name").fill(visitor.name);
  if (visitor.email) await panel.getByLabel("Email").fill(visitor.email);
  await panel.getByLabel(/Your (question|message)/).fill(visitor.question);
  await panel.getByRole("button", { name: /Start chat|Send message/ }).click();
}

/** The CS rep's queue row for a visitor, opened. */
export async function openVisitorFromQueue(page: Page, name: string) {
  const row = page.getByTestId("visitor-row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await row.getByRole("link").click();
  await expect(page.getByTestId("visitor-conversation")).toBeVisible();
}
