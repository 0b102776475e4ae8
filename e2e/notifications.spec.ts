import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demo, signIn, signInAs, uniqueEmail } from "./helpers";

test("a new staff member finds the welcome notification in the bell and marks it read", async ({ browser, page: admin }) => {
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");
  await admin.goto("/admin/users");
  const email = uniqueEmail("rep");
  const form = admin.locator("form", { has: admin.getByRole("button", { name: "Create account" }) });
  await form.getByLabel("Full name").fill("Rita Rep");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption({ label: "CS rep" });
  await form.getByRole("button", { name: "Create account" }).click();
  const temporary = (await admin.getByTestId("temporary-password").textContent())?.trim() ?? "";

  const context = await browser.newContext();
  const rep = await context.newPage();
  await signIn(rep, email, temporary);
  await rep.getByLabel("New password", { exact: true }).fill("rita-new-pass-1");
  await rep.getByLabel("Confirm new password").fill("rita-new-pass-1");
  await rep.getByRole("button", { name: "Set new password" }).click();
  await expect(rep).toHaveURL(/\/support$/);

  await expect(rep.getByTestId("notification-count")).toHaveText("1");
  await rep.getByTestId("notification-bell").click();
  await expect(rep).toHaveURL(/\/notifications$/);
  await expect(rep.getByText("Welcome to Nano Problem")).toBeVisible();
  await rep.getByRole("button", { name: "Mark all as read" }).click();
  await expect(rep.getByTestId("notification-count")).toHaveCount(0);
  await context.close();
});
