import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, createStaffAccount, demo, registerStudent, signIn, signInAs, signInWithTemporaryPassword } from "./helpers";

async function openUser(admin: Page, email: string) {
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  // :visible: the table row on a desktop, the card on a phone (both are in the page).
  const row = admin.locator(`[data-testid="user-row"][data-email="${email}"]:visible`);
  await expect(row).toBeVisible();
  return row;
}

test("an admin blocks a signed-in user, whose next navigation ends at sign-in", async ({ browser, page: admin }) => {
  const student = await registerStudent(browser, "Blocked Student");
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");

  const row = await openUser(admin, student.email);
  await row.getByRole("button", { name: "Block" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: /^Block / }).click();
  await expect(row.getByText("Blocked", { exact: true })).toBeVisible();

  await student.page.goto("/student");
  await expect(student.page).toHaveURL(/\/login/);
  await signIn(student.page, student.email, student.password);
  await expect(student.page.getByTestId("form-error")).toContainText("This account is blocked");

  await row.getByRole("button", { name: "Unblock" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: /^Unblock / }).click();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await signInAs(student.page, student.email, student.password, "/student");
  await student.context.close();
});

test("a password reset ends sessions and forces a new password at the next sign-in", async ({ browser, page: admin }) => {
  const student = await registerStudent(browser, "Reset Student");
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");
  const row = await openUser(admin, student.email);
  await row.getByRole("button", { name: "Reset password" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Reset password" }).click();
  const temporary = (await admin.getByTestId("temporary-password").textContent())?.trim() ?? "";
  expect(temporary).toHaveLength(16);

  await student.page.goto("/student");
  await expect(student.page).toHaveURL(/\/login/);
  await signIn(student.page, student.email, temporary);
  await expect(student.page).toHaveURL(/\/change-password$/);
  await student.page.goto("/student");
  await expect(student.page).toHaveURL(/\/change-password$/);

  await student.page.getByLabel("New password", { exact: true }).fill("short");
  await student.page.getByLabel("Confirm new password").fill("short");
  await student.page.getByRole("button", { name: "Set new password" }).click();
  await expect(student.page.getByText("Password must be at least 10 characters")).toBeVisible();

  await student.page.getByLabel("New password", { exact: true }).fill("a-fresh-password-1");
  await student.page.getByLabel("Confirm new password").fill("a-fresh-password-1");
  await student.page.getByRole("button", { name: "Set new password" }).click();
  await expect(student.page).toHaveURL(/\/student$/);
  await student.context.close();
});

test("an admin creates a staff account that signs in with its temporary password", async ({ browser, page: admin }) => {
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");
  const { email, temporaryPassword } = await createStaffAccount(admin, "Grace Hopper", "Teacher");
  expect(temporaryPassword).toHaveLength(16);

  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signInWithTemporaryPassword(teacher, email, temporaryPassword, "grace-new-pass-1");
  await expect(teacher).toHaveURL(/\/teacher$/);
  await expect(teacher.getByTestId("public-id")).toHaveText(/^TCH-\d{6}$/);
  await teacherContext.close();

  await admin.goto(`/admin/users?q=${encodeURIComponent("grace hop")}`);
  await expect(admin.locator(`[data-testid="user-row"][data-email="${email}"]:visible`)).toBeVisible();
});

test("the user list searches by public ID and filters by role", async ({ page: admin }) => {
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");
  await admin.goto("/admin/users");
  const filters = admin.getByRole("search", { name: "Filter users" });
  await filters.getByLabel("Role").selectOption({ label: "Teacher" });
  await filters.getByRole("button", { name: "Search" }).click();
  await expect(admin).toHaveURL(/role=teacher/);
  const rows = admin.locator('[data-testid="user-row"]:visible');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain("Teacher");

  await admin.goto("/admin/users?q=TCH-000001");
  await expect(admin.locator('[data-testid="user-row"]:visible')).toHaveCount(1);
});

test("an admin cannot block their own account", async ({ page: admin }) => {
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");
  const row = await openUser(admin, demo.admin);
  await expect(row.getByRole("button", { name: "Block" })).toHaveCount(0);
});
