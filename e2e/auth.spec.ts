import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, demo, registerStudent, signIn, signInAs, signOut, uniqueEmail } from "./helpers";

test("a visitor registers and lands in the student area with a student ID", async ({ browser }) => {
  const { page, name } = await registerStudent(browser, "Nadia Petrova");
  await expect(page.getByTestId("signed-in-name")).toHaveText(name);
  await expect(page.getByTestId("public-id")).toHaveText(/^STU-\d{6}$/);
});

test("a visitor registering from Toronto starts in the Toronto time zone, not UTC", async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: "America/Toronto" });
  const page = await context.newPage();
  await page.goto("/register");
  await page.getByLabel("Full name").fill("Tessa Toronto");
  await page.getByLabel("Email").fill(uniqueEmail("toronto"));
  await page.getByLabel("Password", { exact: true }).fill("student-pass-123");
  await page.getByLabel("Confirm password").fill("student-pass-123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/student$/);
  await page.goto("/profile");
  await expect(page.getByLabel("Time zone")).toHaveValue("America/Toronto");
  await context.close();
});

for (const [email, area] of [
  [demo.admin, "/admin"],
  [demo.support, "/support"],
  [demo.teacher, "/teacher"],
  [demo.student, "/student"],
] as const) {
  test(`${email} lands in ${area}`, async ({ page }) => {
    await signInAs(page, email, DEMO_PASSWORD, area);
    await expect(page.getByRole("button", { name: /^Account menu/ })).toBeVisible();
  });
}

test("wrong credentials get one message that does not say which part was wrong", async ({ page }) => {
  await signIn(page, demo.student, "not-the-password");
  const wrongPassword = await page.getByTestId("form-error").textContent();
  await signIn(page, "nobody-here@example.test", "not-the-password");
  await expect(page.getByTestId("form-error")).toHaveText(wrongPassword ?? "");
  expect(wrongPassword).toBe("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

test("an anonymous visitor is sent to sign in and comes back to the page asked for", async ({ page }) => {
  await page.goto("/admin/users?q=priya");
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("Email").fill(demo.admin);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=priya$/);
});

test("signing out ends the session", async ({ page }) => {
  await signInAs(page, demo.teacher, DEMO_PASSWORD, "/teacher");
  await signOut(page);
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/login\?next=%2Fteacher/);
});

test("session cookies are HttpOnly and SameSite=Lax, and pages refuse framing", async ({ page, context }) => {
  const response = await page.goto("/login");
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response?.headers()["referrer-policy"]).toBeTruthy();
  await signInAs(page, demo.student, DEMO_PASSWORD, "/student");
  const session = (await context.cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});
