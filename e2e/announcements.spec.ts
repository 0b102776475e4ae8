import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, createStaffAccount, demo, registerStudent, signInAs, signInWithTemporaryPassword } from "./helpers";

// Every student (every one the demo data and other journeys made) gets this announcement's bell and
// banner; the journey unpublishes it at the end so the banner does not stay on their pages.

async function bellCount(page: Page): Promise<number> {
  const count = page.getByTestId("notification-count");
  return (await count.count()) === 0 ? 0 : Number((await count.textContent())?.trim() ?? "0");
}

test("an admin publishes to students: a student sees the banner and the bell live, a teacher does not", async ({ browser, page: admin }) => {
  test.setTimeout(300_000);
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");

  // A teacher of this run's own: their bell holds only the welcome notification, so any change is ours.
  const staff = await createStaffAccount(admin, "Theo Teacher", "Teacher");
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signInWithTemporaryPassword(teacher, staff.email, staff.temporaryPassword, "theo-new-pass-1");
  await expect(teacher).toHaveURL(/\/teacher$/);

  // A fresh student, who has not asked for anything, so their bell starts empty.
  const student = await registerStudent(browser, "Annie Reader", { confirm: false });
  for (const page of [student.page, teacher]) await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  await expect(student.page.getByTestId("notification-count")).toHaveCount(0);
  const teacherBell = await bellCount(teacher);

  const title = `Exam rooms change ${Date.now()}`;
  await admin.goto("/admin/announcements/new");
  const form = admin.getByTestId("announcement-form");
  await form.getByLabel("Title").fill(title);
  // Markdown renders; typed HTML shows as text and never runs.
  await form.getByLabel("Message").fill("Exams move to **Room 4**. See [the timetable](https://example.test/timetable).\n\n<img src=x onerror=\"window.__pwned=1\">");
  await form.getByLabel("Who it is for").selectOption({ label: "Students" });
  await form.getByLabel("Severity").selectOption({ label: "Warning (shown in amber)" });
  await expect(form.getByLabel("Publish now")).toBeChecked();

  // Watched from before publishing: a toast lasts a few seconds.
  const studentToast = expect(student.page.locator("[data-sonner-toast]").filter({ hasText: title })).toBeVisible({ timeout: 30_000 });
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(admin).toHaveURL(/\/admin\/announcements$/);
  await expect(admin.getByTestId("admin-announcement-row").filter({ hasText: title })).toContainText("Live");

  // The student, without reloading: the toast, the bell and the banner.
  await studentToast;
  await expect(student.page.getByTestId("notification-count")).toHaveText("1");
  const banner = student.page.getByTestId("announcement-banner").filter({ hasText: title });
  await expect(banner).toBeVisible();
  await expect(banner.locator("strong")).toHaveText("Room 4");
  await expect(banner.getByRole("link", { name: "the timetable" })).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(banner).toContainText("<img src=x");
  await expect(banner.locator("img")).toHaveCount(0);
  expect(await student.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // The bell's menu holds the announcement.
  await student.page.getByTestId("notification-bell").click();
  await expect(student.page.getByTestId("notification-menu").getByTestId("notification-menu-item").filter({ hasText: title })).toBeVisible();
  await student.page.keyboard.press("Escape");

  // The teacher, who is not in the audience: no toast, no banner, the same bell; nor after a reload.
  await expect(teacher.locator("[data-sonner-toast]").filter({ hasText: title })).toHaveCount(0);
  await expect(teacher.getByTestId("announcement-banner").filter({ hasText: title })).toHaveCount(0);
  expect(await bellCount(teacher)).toBe(teacherBell);
  await teacher.reload();
  await expect(teacher.getByTestId("announcement-banner").filter({ hasText: title })).toHaveCount(0);
  await teacher.goto("/announcements");
  await expect(teacher.getByTestId("announcement-item").filter({ hasText: title })).toHaveCount(0);

  // Dismissed, the banner stays away after a reload; the Announcements page still lists it.
  // The banner hides at once; the reload waits for the dismissal to reach the server.
  const dismissal = student.page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
  await banner.getByRole("button", { name: `Dismiss “${title}”` }).click();
  await expect(student.page.getByTestId("announcement-banner").filter({ hasText: title })).toHaveCount(0);
  expect((await dismissal).status()).toBe(200);
  await student.page.reload();
  await expect(student.page.getByTestId("announcement-banner").filter({ hasText: title })).toHaveCount(0);
  await student.page.goto("/announcements");
  await expect(student.page.getByTestId("announcement-item").filter({ hasText: title })).toBeVisible();

  // The admin edits it (shown as edited) and then unpublishes it, after confirming.
  await admin.getByRole("link", { name: title }).click();
  await expect(admin).toHaveURL(/\/admin\/announcements\/[0-9a-f-]{36}$/);
  await admin.getByTestId("announcement-form").getByLabel("Message").fill("Exams move to **Room 5**.");
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.locator("[data-sonner-toast]").filter({ hasText: "Announcement saved" })).toBeVisible();
  await student.page.reload();
  const item = student.page.getByTestId("announcement-item").filter({ hasText: title });
  await expect(item).toContainText("Room 5");
  await expect(item).toContainText("edited");

  await admin.getByRole("button", { name: "Unpublish" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Unpublish" }).click();
  await expect(admin.locator("[data-sonner-toast]").filter({ hasText: "Announcement unpublished" })).toBeVisible();
  await student.page.reload();
  await expect(student.page.getByTestId("announcement-item").filter({ hasText: title })).toHaveCount(0);

  await student.context.close();
  await teacherContext.close();
});
