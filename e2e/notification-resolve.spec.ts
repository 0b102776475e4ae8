import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, createStaffAccount, demo, signIn } from "./helpers";

// Several people sign in and pages compile on first use: generous waits for the navigations.
const slow = { timeout: 60_000 };

async function signedIn(browser: Browser, email: string, password: string, home: RegExp): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(home, slow);
  return page;
}

/** The bell's unread count as a number (the badge is absent at zero). */
async function unreadCount(page: Page): Promise<number> {
  const badge = page.getByTestId("notification-count");
  if ((await badge.count()) === 0) return 0;
  return Number.parseInt((await badge.textContent()) ?? "0", 10);
}

async function openBellMenu(page: Page) {
  await page.getByTestId("notification-bell").click();
  const menu = page.getByTestId("notification-menu");
  await expect(menu).toBeVisible();
  return menu;
}

/** Approves from the invoice page, through the confirmation when there is one. */
async function approve(admin: Page, invoiceId: string) {
  await admin.goto(`/admin/invoices/${invoiceId}`);
  await admin.getByRole("button", { name: "Approve", exact: true }).first().click();
  const confirm = admin.getByRole("alertdialog");
  const asks = await confirm.waitFor({ state: "visible", timeout: 5_000 }).then(() => true, () => false);
  if (asks) await confirm.getByRole("button", { name: /^Approve/ }).click();
  await expect(admin.getByTestId("invoice-status")).toHaveText("Issued", slow);
}

test("when one admin approves an invoice, the other admin's 'waits for approval' resolves live, and opening a notification reads it", async ({ browser, page: firstAdmin }) => {
  test.setTimeout(480_000);
  await signIn(firstAdmin, demo.admin, DEMO_PASSWORD);
  await expect(firstAdmin).toHaveURL(/\/admin$/, slow);
  const { email, temporaryPassword } = await createStaffAccount(firstAdmin, "Nora Second", "Admin");
  const secondAdmin = await signedIn(browser, email, temporaryPassword, /\/change-password$/);
  await secondAdmin.getByLabel("New password", { exact: true }).fill("nora-new-pass-1");
  await secondAdmin.getByLabel("Confirm new password").fill("nora-new-pass-1");
  await secondAdmin.getByRole("button", { name: "Set new password" }).click();
  await expect(secondAdmin).toHaveURL(/\/admin$/, slow);
  await expect(secondAdmin.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");

  // A CS rep submits an invoice with an amount no other test uses, so its notification is easy to find.
  const cents = String(Math.floor(Math.random() * 90) + 10);
  const amount = `${Math.floor(Math.random() * 800) + 100}.${cents}`;
  const rep = await signedIn(browser, demo.support, DEMO_PASSWORD, /\/support$/);
  // Any assignment will do: the invoice only has to reach the admins.
  await rep.goto("/support/assignments");
  const href = (await rep.getByTestId("assignment-row").first().getByRole("link").first().getAttribute("href")) ?? "";
  const assignmentId = /([0-9a-f-]{36})/.exec(href)?.[1] ?? "";
  await rep.goto(`/support/invoices/new?assignmentId=${assignmentId}`);
  const item = rep.getByRole("group", { name: "Item 1" });
  await item.getByLabel("Description").fill("Tutoring session");
  await item.getByLabel("Quantity").fill("1");
  await item.getByLabel("Unit price").fill(amount);
  await rep.getByRole("button", { name: "Save draft" }).click();
  await expect(rep).toHaveURL(/\/support\/invoices\/[0-9a-f-]{36}$/, slow);
  const invoiceId = /\/support\/invoices\/([0-9a-f-]{36})$/.exec(rep.url())?.[1] ?? "";
  await rep.getByRole("button", { name: "Submit for approval" }).click();
  await expect(rep.getByTestId("invoice-status")).toHaveText("Pending approval", slow);
  const title = `Invoice for $${amount} waits for approval`;

  // Both admins are asked; the second keeps the bell menu open.
  await expect.poll(() => unreadCount(secondAdmin)).toBeGreaterThanOrEqual(2);
  const menu = await openBellMenu(secondAdmin);
  const waiting = menu.getByTestId("notification-menu-item").filter({ hasText: title });
  await expect(waiting).toHaveAttribute("data-unread", "true");
  const before = await unreadCount(secondAdmin);

  await approve(firstAdmin, invoiceId);

  // Without a reload: the open menu shows it done and read, and the count drops.
  await expect(waiting).toHaveAttribute("data-resolved", "true", { timeout: 10_000 });
  await expect(waiting).toHaveAttribute("data-unread", "false");
  await expect(waiting).toContainText("Done");
  await expect.poll(() => unreadCount(secondAdmin), { timeout: 10_000 }).toBe(before - 1);

  // Opening the welcome notification from the menu goes to its page and reads it.
  const welcome = menu.getByTestId("notification-menu-item").filter({ hasText: "Welcome to Nano Problem" });
  await expect(welcome).toHaveAttribute("data-unread", "true");
  await welcome.click();
  await expect(secondAdmin).toHaveURL(/\/profile$/, slow);
  await expect.poll(() => unreadCount(secondAdmin)).toBe(before - 2);
  await secondAdmin.goto("/notifications");
  await expect(secondAdmin.getByTestId("notification").filter({ hasText: "Welcome to Nano Problem" })).toHaveAttribute("data-unread", "false");
  await expect(secondAdmin.getByTestId("notification").filter({ hasText: title })).toHaveAttribute("data-resolved", "true");

  // Another user's notification cannot be opened.
  const foreignId = await secondAdmin.getByTestId("notification").first().getByRole("link").getAttribute("href");
  const response = await rep.request.get(foreignId ?? "/notifications/00000000-0000-0000-0000-000000000000/open", { maxRedirects: 0 });
  expect(response.status()).toBe(404);
  await secondAdmin.context().close();
  await rep.context().close();
});
