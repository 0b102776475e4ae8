import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, createStaffAccount, demo, signInAs, signInWithTemporaryPassword } from "./helpers";

test("a new staff member finds the welcome notification in the bell and marks it read", async ({ browser, page: admin }) => {
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");
  const { email, temporaryPassword } = await createStaffAccount(admin, "Rita Rep", "CS rep");

  const context = await browser.newContext();
  const rep = await context.newPage();
  await signInWithTemporaryPassword(rep, email, temporaryPassword, "rita-new-pass-1");
  await expect(rep).toHaveURL(/\/support$/);

  await expect(rep.getByTestId("notification-count")).toHaveText("1");
  await rep.getByTestId("notification-bell").click();
  await expect(rep).toHaveURL(/\/notifications$/);
  await expect(rep.getByText("Welcome to Nano Problem")).toBeVisible();
  await rep.getByRole("button", { name: "Mark all as read" }).click();
  await expect(rep.getByTestId("notification-count")).toHaveCount(0);
  await context.close();
});
