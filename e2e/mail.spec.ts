import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { assignFromQueue, assignmentCode, demo, fillCommonRequest, openTeacherAssignment, pdf, submitRequest } from "./assignment-helpers";
import { linkFromMailbox, registerStudent, uniqueEmail } from "./helpers";
import { signedInPage, signInAndLand } from "./signed-in";

const NEW_PASSWORD = "a-fresh-password-2026";

async function askForResetLink(page: Page, email: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  return page.getByTestId("form-success");
}

test("a student who forgot their password resets it from the emailed link, and every old session ends", async ({ browser }) => {
  test.setTimeout(300_000);
  const student = await registerStudent(browser, "Fergus Forgetful");
  const stranger = await (await browser.newContext()).newPage();

  // The same answer for an address with no account; only the real one gets an email.
  const answer = await askForResetLink(stranger, uniqueEmail("nobody"));
  await expect(answer).toContainText("If an account uses this email");
  const sameAnswer = await askForResetLink(stranger, student.email);
  await expect(sameAnswer).toHaveText((await answer.textContent()) ?? "");

  const resetPath = await linkFromMailbox(stranger, "Reset your Nano Problem password", student.email, "/reset-password#token=");
  await stranger.goto(resetPath);
  // The page takes the token out of the address bar at once.
  await expect(stranger).toHaveURL(/\/reset-password$/);
  await stranger.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await stranger.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await stranger.getByRole("button", { name: "Set new password" }).click();
  await expect(stranger).toHaveURL(/\/login\?reset=1$/);
  await expect(stranger.getByTestId("password-reset-done")).toBeVisible();
  await signInAndLand(stranger, student.email, "/student", NEW_PASSWORD);

  // The session the student had before the reset, in another browser, has ended.
  await student.page.goto("/student");
  await expect(student.page).toHaveURL(/\/login/);

  // The link works once.
  const reused = await (await browser.newContext()).newPage();
  await reused.goto(resetPath);
  await expect(reused.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(reused.getByRole("link", { name: "Send me a new link" })).toBeVisible();
});

test("a delivery made while the student is away is emailed, and not once they turned that email off", async ({ browser }) => {
  test.setTimeout(240_000);
  const student = await registerStudent(browser, "Ama Away");
  await fillCommonRequest(student.page, "Writing", "Essay on price elasticity");
  await student.page.getByLabel("Paper type").fill("Analytical essay");
  await student.page.getByLabel("Pages").fill("4");
  const detailPath = await submitRequest(student.page);
  const code = await assignmentCode(student.page);
  // The student leaves.
  await student.context.close();

  const rep = await signedInPage(browser, demo.support, "/support");
  await assignFromQueue(rep, code, "Priya Raman");
  const teacher = await signedInPage(browser, demo.teacher, "/teacher");
  await openTeacherAssignment(teacher, code, "Offers");
  await teacher.getByRole("button", { name: "Accept offer" }).click();
  await expect(teacher.getByTestId("assignment-status")).toContainText("In progress");
  const delivery = teacher.getByRole("region", { name: "Submit delivery" }).or(teacher.locator("section", { has: teacher.getByRole("heading", { name: "Submit delivery" }) })).first();
  await delivery.getByLabel("Notes").fill("First full draft.");
  await delivery.getByLabel("Files").setInputFiles([pdf("essay-v1.pdf", "version one")]);
  await delivery.getByRole("button", { name: "Submit delivery" }).click();
  await expect(teacher.getByTestId("assignment-status")).toContainText("Delivered");

  // The email is in the mailbox; its button opens the delivery once the student signs in.
  const back = await (await browser.newContext()).newPage();
  const openPath = await linkFromMailbox(back, `${code} was delivered (version 1)`, student.email, "/notifications/");
  await expect(back.getByText("Review the delivery:")).toBeVisible();
  await expect(back.getByRole("link", { name: /\/profile#email-notifications/ })).toBeVisible();
  await back.goto(openPath);
  await expect(back).toHaveURL(/\/login/);
  await back.getByLabel("Email").fill(student.email);
  await back.getByLabel("Password", { exact: true }).fill(student.password);
  await back.getByRole("button", { name: "Sign in" }).click();
  // Signing in follows the email's link: it marks the notification read and shows the delivery.
  await expect(back.getByRole("region", { name: "Review the delivery" })).toBeVisible({ timeout: 30_000 });
  await expect(back.getByTestId("assignment-code")).toHaveText(code);

  // The student turns delivery emails off on their profile, and asks for a revision.
  await back.goto("/profile");
  const preferences = back.getByRole("region", { name: "Email notifications" });
  await preferences.getByLabel("A delivery to review").uncheck();
  await preferences.getByRole("button", { name: "Save email choices" }).click();
  await expect(preferences.getByTestId("form-success")).toHaveText("Email choices saved.");
  await back.reload();
  await expect(back.getByRole("region", { name: "Email notifications" }).getByLabel("A delivery to review")).not.toBeChecked();
  await expect(back.getByRole("region", { name: "Email notifications" }).getByLabel("An invoice issued")).toBeChecked();
  await back.goto(detailPath);
  await back.getByLabel("Comments").fill("Please add a worked example.");
  await back.getByRole("button", { name: "Send revision request" }).click();
  await expect(back.getByTestId("assignment-status")).toContainText("Revision requested");
  await back.context().close();

  await teacher.reload();
  await delivery.getByLabel("Notes").fill("Added a worked example.");
  await delivery.getByLabel("Files").setInputFiles([pdf("essay-v2.pdf", "version two")]);
  await delivery.getByRole("button", { name: "Submit delivery" }).click();
  await expect(teacher.getByTestId("assignment-status")).toContainText("Delivered");

  // Written in the delivery's own transaction, so it would be listed by now: it is not.
  const mailbox = await (await browser.newContext()).newPage();
  await mailbox.goto("/dev/mailbox");
  await expect(mailbox.getByRole("link", { name: new RegExp(`${code} was delivered \\(version 1\\) — `) })).toBeVisible();
  await expect(mailbox.getByRole("link", { name: new RegExp(`${code} was delivered \\(version 2\\)`) })).toHaveCount(0);
});
