import { randomBytes } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "nano-demo-2026";
export const demo = {
  admin: "admin@nanoproblem.test",
  support: "support@nanoproblem.test",
  teacher: "teacher@nanoproblem.test",
  student: "student@nanoproblem.test",
};

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${randomBytes(4).toString("hex")}@example.test`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, email: string, password: string, expectedPath: string | RegExp) {
  await signIn(page, email, password);
  await expect(page).toHaveURL(typeof expectedPath === "string" ? new RegExp(`${expectedPath}$`) : expectedPath);
}

/** Signs out through the avatar menu in the shell's top bar (the menu item posts the sign-out action). */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Opens the newest email with this subject to this address in the local mailbox (/dev/mailbox) and
 * returns the path and fragment of its link to `linkPath` (followed on this app's origin, whatever
 * host APP_URL names).
 */
export async function linkFromMailbox(page: Page, subject: string, to: string, linkPath: string): Promise<string> {
  await page.goto("/dev/mailbox");
  await page.getByRole("link", { name: new RegExp(`${escapeRegExp(subject)} — ${escapeRegExp(to)}`) }).first().click();
  const link = page.getByRole("link", { name: new RegExp(escapeRegExp(linkPath)) }).first();
  await expect(link).toBeVisible();
  const url = new URL((await link.getAttribute("href")) ?? "");
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Confirms a new student's email as they would: the link in the confirmation email. */
export async function confirmEmail(page: Page, email: string) {
  await page.goto(await linkFromMailbox(page, "Confirm your email for Nano Problem", email, "/verify-email#token="));
  await expect(page.getByTestId("email-verified")).toBeVisible({ timeout: 30_000 });
}

/**
 * A student made through the real sign-up form, in a browser context of its own, who has confirmed
 * their email through the mailbox (unconfirmed students cannot request or pay) unless `confirm: false`.
 */
export async function registerStudent(browser: Browser, name = "Test Student", options: { confirm?: boolean } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail("student");
  const password = "student-pass-123";
  await page.goto("/register");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/student$/);
  if (options.confirm !== false) {
    await confirmEmail(page, email);
    await page.goto("/student");
    await expect(page).toHaveURL(/\/student$/);
  }
  return { context, page, email, password, name };
}

/** The admin creates a staff account on /admin/users; returns what the admin hands over. */
export async function createStaffAccount(admin: Page, name: string, role: "Teacher" | "CS rep" | "Admin") {
  await admin.goto("/admin/users");
  const email = uniqueEmail(role.toLowerCase().replace(" ", "-"));
  await admin.getByRole("button", { name: "New staff account" }).click();
  const form = admin.getByRole("dialog").locator("form", { has: admin.getByRole("button", { name: "Create account" }) });
  await form.getByLabel("Full name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByRole("button", { name: "Create account" }).click();
  const temporaryPassword = (await admin.getByTestId("temporary-password").textContent())?.trim() ?? "";
  return { email, temporaryPassword };
}

/** Signs in with a temporary password and sets a new one, as the forced-change page requires. */
export async function signInWithTemporaryPassword(page: Page, email: string, temporaryPassword: string, newPassword: string) {
  await signIn(page, email, temporaryPassword);
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
}
