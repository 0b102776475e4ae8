import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { assignmentCode, fillCommonRequest, signedInPage, submitRequest } from "./assignment-helpers";
import { DEMO_PASSWORD, createStaffAccount, demo, registerStudent, signInAs, signInWithTemporaryPassword } from "./helpers";

// A fresh teacher, so their counts start at zero whatever other journeys did to the demo accounts.
test("a teacher's offers count moves live when a CS rep assigns them, and links to the offers list", async ({ browser, page: admin }) => {
  test.setTimeout(300_000);
  const teacherName = `Dana Dash ${randomBytes(3).toString("hex")}`;
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");
  const { email, temporaryPassword } = await createStaffAccount(admin, teacherName, "Teacher");

  const student = await registerStudent(browser, "Dash Student");
  await fillCommonRequest(student.page, "Homework", "Dashboard homework set");
  await student.page.getByLabel("Number of problems").fill("4");
  const detailPath = await submitRequest(student.page);
  const code = await assignmentCode(student.page);
  const assignmentId = detailPath.split("/").pop() ?? "";

  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signInWithTemporaryPassword(teacher, email, temporaryPassword, "dash-teacher-pass-1");
  await expect(teacher).toHaveURL(/\/teacher$/);
  const offers = teacher.getByTestId("dashboard-count-offers");
  await expect(offers).toHaveAttribute("data-count", "0");
  await expect(offers).toHaveAccessibleName(/^Offers waiting\W+0(?!\d)/);
  await expect(teacher.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");

  // The CS rep assigns the fresh teacher from the request's page (the queue may run to several pages).
  const rep = await signedInPage(browser, demo.support, "/support");
  await rep.goto(`/support/assignments/${assignmentId}`);
  await expect(rep.getByTestId("assignment-code")).toHaveText(code);
  await rep.getByRole("combobox", { name: "Primary teacher" }).click();
  await rep.getByRole("option", { name: teacherName }).first().click();
  await rep.getByRole("button", { name: "Save teachers" }).click();
  await expect(rep.getByTestId("assignment-status")).toContainText("Teacher assigned");

  // No reload: the offer's notification refetches the teacher's counts.
  await expect(offers).toHaveAttribute("data-count", "1");
  await expect(offers).toHaveAccessibleName(/^Offers waiting\W+1(?!\d)/);
  await expect(offers).toHaveAttribute("href", "/teacher/assignments?tab=offers");
  await offers.click();
  await expect(teacher).toHaveURL(/\/teacher\/assignments\?tab=offers$/);
  await expect(teacher.locator(`[data-testid="assignment-row"][data-code="${code}"]`)).toBeVisible();

  await teacherContext.close();
  await student.context.close();
  await rep.context().close();
});

test("the admin home draws the 12-month revenue chart with its table, and the assignments chart", async ({ page }) => {
  await signInAs(page, demo.admin, DEMO_PASSWORD, "/admin");
  const revenue = page.getByTestId("revenue-chart");
  await expect(revenue).toBeVisible();
  await expect(revenue.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("revenue-card")).toBeVisible();

  // The table sits behind a visible toggle, reached with the keyboard.
  const toggle = page.getByTestId("revenue-table").locator("summary");
  await expect(toggle).toContainText("Show as table");
  await toggle.focus();
  await page.keyboard.press("Enter");
  const table = page.getByRole("table", { name: /^Revenue by month/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(13);

  await page.getByTestId("assignments-table").locator("summary").click();
  const statuses = page.getByRole("table", { name: "Assignments by status" });
  await expect(statuses).toBeVisible();
  await expect(statuses.getByRole("rowheader", { name: "Waiting for a teacher" })).toBeVisible();

  for (const key of ["approvals", "disputed", "admin-queue", "revenue"]) await expect(page.getByTestId(`dashboard-count-${key}`)).toHaveAttribute("data-count", /^-?\d+$/);
  await expect(page.getByTestId("dashboard-count-disputed")).toHaveAttribute("href", "/admin/payments?status=disputed");
});
