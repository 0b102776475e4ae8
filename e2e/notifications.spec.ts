import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, createStaffAccount, demo, signInAs, signInWithTemporaryPassword } from "./helpers";

test("a new staff member finds the welcome notification in the bell and marks it read", async ({ browser, page: admin }) => {
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");
  const { email, temporaryPassword } = await createStaffAccount(admin, "Rita Rep", "CS rep");

  const context = await browser.newContext();
  const rep = await context.newPage();
  await signInWithTemporaryPassword(rep, email, temporaryPassword, "rita-new-pass-1");
  await expect(rep).toHaveURL(/\/support$/);

  // The welcome notification, and any "new request" ones other tests trigger for every CS rep.
  await expect(rep.getByTestId("notification-count")).toHaveText(/^[1-9]\d*$/);
  await rep.getByTestId("notification-bell").click();
  const menu = rep.getByTestId("notification-menu");
  await expect(menu.getByTestId("notification-menu-item").filter({ hasText: "Welcome to Nano Problem" })).toHaveAttribute("data-unread", "true");
  await menu.getByRole("link", { name: "See all notifications" }).click();
  await expect(rep).toHaveURL(/\/notifications$/);
  await expect(rep.getByTestId("notification").filter({ hasText: "Welcome to Nano Problem" })).toHaveAttribute("data-unread", "true");
  await rep.getByRole("button", { name: "Mark all as read" }).click();
  await expect(rep.getByTestId("notification-count")).toHaveCount(0);
  await expect(rep.getByTestId("notification").filter({ hasText: "Welcome to Nano Problem" })).toHaveAttribute("data-unread", "false");
  await context.close();
});
