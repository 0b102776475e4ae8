import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, demo, registerStudent, signIn, signInAs, uniqueEmail } from "./helpers";

async function fillRegistration(page: Page, values: { name: string; email: string; password: string; confirm?: string }) {
  await page.goto("/register");
  await page.getByLabel("Full name").fill(values.name);
  await page.getByLabel("Email").fill(values.email);
  await page.getByLabel("Password", { exact: true }).fill(values.password);
  await page.getByLabel("Confirm password").fill(values.confirm ?? values.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function expectNoAccount(page: Page, email: string, password: string) {
  await signIn(page, email, password);
  await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
}

test.describe("registration refuses bad input and writes nothing", () => {
  const cases = [
    { label: "empty fields", values: { name: "", email: "", password: "" }, message: "Enter a name" },
    { label: "a malformed email", values: { name: "Ok Name", email: "not-an-email", password: "long-enough-pass" }, message: "Enter a valid email address" },
    { label: "a name that is too long", values: { name: "n".repeat(150), email: uniqueEmail("long"), password: "long-enough-pass" }, message: "Name must be at most 120 characters" },
    { label: "markup in the name", values: { name: "<img src=x onerror=alert(1)>", email: uniqueEmail("markup"), password: "long-enough-pass" }, message: "Name cannot contain < or >" },
    { label: "a short password", values: { name: "Ok Name", email: uniqueEmail("short"), password: "short" }, message: "Password must be at least 10 characters" },
    { label: "a mismatched confirmation", values: { name: "Ok Name", email: uniqueEmail("mismatch"), password: "long-enough-pass", confirm: "different-pass-1" }, message: "Passwords do not match" },
  ];
  for (const { label, values, message } of cases) {
    test(label, async ({ page }) => {
      await fillRegistration(page, values);
      await expect(page.getByText(message)).toBeVisible();
      await expect(page).toHaveURL(/\/register$/);
      if (values.email.includes("@") && values.password.length >= 10) await expectNoAccount(page, values.email, values.password);
    });
  }

  test("an email already registered, in another letter case", async ({ page }) => {
    await fillRegistration(page, { name: "Copy Cat", email: demo.student.toUpperCase(), password: "long-enough-pass" });
    await expect(page.getByText("An account with this email already exists").first()).toBeVisible();
    await expectNoAccount(page, demo.student, "long-enough-pass");
    await expect(page.getByLabel("Email")).toHaveValue(demo.student);
  });
});

test("sign-in with empty fields says what is missing", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email").first()).toBeVisible();
});

test("creating staff refuses a duplicate email and markup, and creates nothing", async ({ page: admin }) => {
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: "New staff account" }).click();
  const form = admin.getByRole("dialog").locator("form", { has: admin.getByRole("button", { name: "Create account" }) });
  await form.getByLabel("Full name").fill("Second Priya");
  await form.getByLabel("Email").fill(demo.teacher.toUpperCase());
  await form.getByLabel("Role").selectOption({ label: "Teacher" });
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByText("An account with this email already exists").first()).toBeVisible();
  await expect(admin.getByTestId("temporary-password")).toHaveCount(0);

  const email = uniqueEmail("markup-staff");
  await form.getByLabel("Full name").fill("<b>Bold</b>");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByText("Name cannot contain < or >")).toBeVisible();
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(admin.getByTestId("user-row")).toHaveCount(0);
});

test("the profile form refuses markup and overlong fields, and keeps the saved values", async ({ browser }) => {
  const { page, name, context } = await registerStudent(browser, "Profile Owner");
  await page.goto("/profile");
  await page.getByLabel("Full name").fill("<script>x</script>");
  await page.getByLabel("School").fill("s".repeat(200));
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Name cannot contain < or >")).toBeVisible();
  await expect(page.getByText("School must be at most 120 characters")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Full name")).toHaveValue(name);

  await page.getByLabel("Full name").fill("Profile Owner Renamed");
  await page.getByLabel("Time zone").selectOption("Europe/Paris");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Full name")).toHaveValue("Profile Owner Renamed");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Paris");
  await context.close();
});

test("changing one's password needs the current one and ends other sessions only", async ({ browser }) => {
  const first = await registerStudent(browser, "Two Sessions");
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAs(other, first.email, first.password, "/student");

  await first.page.goto("/profile");
  await first.page.getByLabel("Current password").fill("wrong-current-1");
  await first.page.getByLabel("New password", { exact: true }).fill("brand-new-pass-1");
  await first.page.getByLabel("Confirm new password").fill("brand-new-pass-1");
  await first.page.getByRole("button", { name: "Change password" }).click();
  await expect(first.page.getByText("Current password is incorrect")).toBeVisible();

  await first.page.getByLabel("Current password").fill(first.password);
  await first.page.getByLabel("New password", { exact: true }).fill("brand-new-pass-1");
  await first.page.getByLabel("Confirm new password").fill("brand-new-pass-1");
  await first.page.getByRole("button", { name: "Change password" }).click();
  await expect(first.page.getByText("Password changed. Your other sessions have been signed out.")).toBeVisible();

  await first.page.goto("/student");
  await expect(first.page).toHaveURL(/\/student$/);
  await other.goto("/student");
  await expect(other).toHaveURL(/\/login/);
  await otherContext.close();
  await first.context.close();
});
