import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { navigationGroups } from "../components/portal/navigation";
import type { Role } from "../lib/auth/roles";
import { fillCommonRequest, submitRequest } from "./assignment-helpers";
import { demo, registerStudent } from "./helpers";
import { signedInPage } from "./signed-in";

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

const roles: { role: Role; email: string; home: string }[] = [
  { role: "admin", email: demo.admin, home: "/admin" },
  { role: "cs_rep", email: demo.support, home: "/support" },
  { role: "teacher", email: demo.teacher, home: "/teacher" },
  { role: "student", email: demo.student, home: "/student" },
];

const menuButton = (page: Page) => page.getByRole("button", { name: /open (the )?(menu|navigation)/i });
const drawer = (page: Page) => page.getByRole("dialog");

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(clientWidth);
}

test.describe("on a phone", () => {
  for (const { role, email, home } of roles) {
    test(`the ${role}'s drawer lists their sections and marks the current one`, async ({ browser }) => {
      const page = await signedInPage(browser, email, home, phone);
      await expectNoSidewaysScroll(page);
      await menuButton(page).click();
      const menu = drawer(page);
      await expect(menu).toBeVisible();
      for (const item of navigationGroups(role).flatMap((group) => group.items)) {
        await expect(menu.getByRole("link", { name: item.label, exact: true })).toBeVisible();
      }
      await expect(menu.locator('[aria-current="page"]')).toHaveCount(1);
      await expect(menu.getByRole("link", { name: "Home", exact: true })).toHaveAttribute("aria-current", "page");
      await expectNoSidewaysScroll(page);
      await page.context().close();
    });
  }

  test("following a link closes the drawer on its page; Escape closes it where it was", async ({ browser }) => {
    const page = await signedInPage(browser, demo.admin, "/admin", phone);
    await menuButton(page).click();
    await drawer(page).getByRole("link", { name: "Assignments", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/assignments$/);
    await expect(drawer(page)).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);

    await menuButton(page).click();
    await expect(drawer(page).getByRole("link", { name: "Assignments", exact: true })).toHaveAttribute("aria-current", "page");
    await page.keyboard.press("Escape");
    await expect(drawer(page)).toBeHidden();
    await expect(page).toHaveURL(/\/admin\/assignments$/);
    // Focus goes back to the button that opened it, so a keyboard user is where they were.
    await expect(menuButton(page)).toBeFocused();
    await page.context().close();
  });
});

test.describe("on a desktop", () => {
  test("the sidebar shows the sections, the header is one row and the logo leads home", async ({ browser }) => {
    const page = await signedInPage(browser, demo.admin, "/admin", desktop);
    await page.goto("/admin/invoices");
    const sidebar = page.getByRole("navigation", { name: "Main" });
    await expect(sidebar).toBeVisible();
    for (const item of navigationGroups("admin").flatMap((group) => group.items)) {
      await expect(sidebar.getByRole("link", { name: item.label, exact: true })).toBeVisible();
    }
    await expect(sidebar.getByRole("link", { name: "Invoices", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(menuButton(page)).toBeHidden();

    const header = page.locator("header").first();
    const box = await header.boundingBox();
    expect(box?.height ?? 0, "the header fits in one row").toBeLessThan(80);

    // The logo leads to the user's own area, not the marketing page.
    const logo = page.getByRole("link", { name: "Nano Problem" }).filter({ visible: true }).first();
    await expect(logo).toHaveAttribute("href", "/admin");
    await logo.click();
    await expect(page).toHaveURL(/\/admin$/);
    await page.context().close();
  });

  test("the avatar menu offers Profile and Sign out", async ({ browser }) => {
    const page = await signedInPage(browser, demo.teacher, "/teacher", desktop);
    await page.getByRole("button", { name: /^Account menu/ }).click();
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
    await page.getByRole("menuitem", { name: "Profile" }).click();
    await expect(page).toHaveURL(/\/profile$/);
    await page.context().close();
  });

  test("the bell opens the latest notifications with Mark all read and a link to all of them", async ({ browser }) => {
    // A new request notifies every CS rep, so the rep has something unread.
    const student = await registerStudent(browser, "Bell Ringer");
    await fillCommonRequest(student.page, "Homework", "Bell check: series convergence");
    await student.page.getByLabel("Number of problems").fill("2");
    await submitRequest(student.page);
    await student.context.close();

    const page = await signedInPage(browser, demo.support, "/support", desktop);
    const bell = page.getByRole("button", { name: /^Notifications/ });
    await expect(bell).toHaveAccessibleName(/unread/);
    await bell.click();
    await expect(page.getByRole("button", { name: "Mark all read" })).toBeVisible();
    await expect(page.getByText("Bell check: series convergence").first()).toBeVisible();
    await page.getByRole("link", { name: /all notifications/i }).click();
    await expect(page).toHaveURL(/\/notifications$/);
    await page.context().close();
  });
});
