import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signedInPage } from "./signed-in";

// A teacher and a student who share an accepted assignment in the demo data, in two different zones
// (the teacher's London, the student's Berlin), so every time shows in both.
const TEACHER = { email: "james.whitfield@nanoproblem.test", name: "James Whitfield", zone: "Europe/London" };
const STUDENT = { email: "hannah.mueller@nanoproblem.test", name: "Hannah Müller", zone: "Europe/Berlin" };
// Delivered and waiting for the student's review (no other journey touches it).
const ASSIGNMENT = "Literature review: Wuthering Heights";

/** "2026-12-07": the calendar day `days` from now in a zone, as a date field takes it. */
function dayIn(zone: string, days: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(Date.now() + days * 86_400_000)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "HH:mm" shifted by whole hours (the two zones are an hour apart in any season). */
function shift(clock: string, hours: number): string {
  const [h, m] = clock.split(":").map(Number) as [number, number];
  return `${String((h + hours + 24) % 24).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

function plusMinutes(clock: string, minutes: number): string {
  const [h, m] = clock.split(":").map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60) % 24).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

async function upcomingTotal(page: Page): Promise<string> {
  await page.goto("/meetings");
  const total = page.getByTestId("assignment-total");
  await expect(total).toHaveText(/^\d+ meetings?$/);
  return (await total.textContent()) ?? "";
}

test("a teacher schedules a meeting from the assignment, the student proposes another time, the teacher accepts it, the calendar file follows and the student cancels", async ({ browser }) => {
  test.setTimeout(300_000);
  const teacher = await signedInPage(browser, TEACHER.email, "/teacher");
  const student = await signedInPage(browser, STUDENT.email, "/student");

  // From the assignment page: the form opens with the student chosen and the assignment linked.
  await teacher.goto("/teacher/assignments?tab=delivered");
  await teacher.getByRole("link", { name: ASSIGNMENT }).click();
  await teacher.getByTestId("schedule-meeting").click();
  await expect(teacher).toHaveURL(/\/meetings\/new\?assignment=/);
  await expect(teacher.getByTestId("invitee-picker")).toContainText(STUDENT.name);
  await expect(teacher.getByLabel("Linked assignment (optional)")).toHaveValue(/[0-9a-f-]{36}/);

  const title = `Feedback on the review ${Date.now()}`;
  await teacher.getByLabel("Title").fill(title);
  await teacher.getByLabel("Agenda (optional)").fill("Go through the comments on chapter two.");
  await expect(teacher.getByLabel("Time zone")).toHaveValue(TEACHER.zone);
  // The day after tomorrow: the first free slot tomorrow can be less than 12 hours away in the
  // evening (UTC), and then the student may no longer propose another time or cancel.
  const day = dayIn(TEACHER.zone, 2);
  await teacher.getByLabel("Day").fill(day);
  // The picker shows both people's busy times and free starts; a chip fills the time.
  const chip = teacher.getByTestId("slot-suggestion").first();
  await expect(chip).toBeVisible();
  const suggested = (await chip.getAttribute("data-start")) ?? "";
  expect(suggested.slice(0, 10)).toBe(day);
  await chip.click();
  await expect(chip).toHaveAttribute("aria-pressed", "true");
  await expect(teacher.getByLabel("Start time")).toHaveValue(suggested.slice(11));
  // The student's reading of the chosen time, an hour later in Berlin.
  await expect(teacher.getByTestId("other-zone-time")).toContainText(shift(suggested.slice(11), 1));
  await teacher.getByRole("button", { name: "Send invitation" }).click();
  await expect(teacher).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  const meetingPath = new URL(teacher.url()).pathname;
  await expect(teacher.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(teacher.getByTestId("meeting-time-yours")).toContainText(`${suggested.slice(11)}–${plusMinutes(suggested.slice(11), 30)}`);

  // The student: the invitation in the list and in the notifications.
  await student.goto("/meetings");
  const row = student.getByTestId("meeting-row").filter({ hasText: title });
  await expect(row).toContainText(`${TEACHER.name} (Teacher)`);
  await expect(row).toContainText("Waiting for your answer");
  await expect(row).toContainText(shift(suggested.slice(11), 1));
  await student.goto("/notifications");
  await expect(student.getByTestId("notification").filter({ hasText: `${TEACHER.name} invited you to “${title}”` })).toBeVisible();

  // The student proposes 17:00 their time (16:00 in London) on the same day.
  await student.goto(meetingPath);
  await student.getByRole("button", { name: "Propose another time" }).click();
  const propose = student.getByRole("dialog", { name: "Propose another time" });
  await expect(propose.getByLabel("Time zone")).toHaveValue(STUDENT.zone);
  await propose.getByLabel("Day").fill(day);
  await propose.getByLabel("Start time").fill("17:00");
  await propose.getByLabel("Note (optional)").fill("The morning clashes with a lecture.");
  await propose.getByRole("button", { name: "Send proposal" }).click();
  await expect(propose).toBeHidden();
  await expect(student.getByTestId("proposal")).toContainText("You proposed");
  await expect(student.getByTestId("proposal-time-yours")).toContainText("17:00–17:30");

  // The teacher sees it waiting and accepts it: the meeting moves.
  await teacher.goto("/meetings");
  await expect(teacher.getByTestId("meeting-row").filter({ hasText: title }).getByTestId("proposal-waiting")).toHaveText("Proposal waiting");
  await teacher.goto(meetingPath);
  await expect(teacher.getByTestId("proposal")).toContainText(`${STUDENT.name} proposed`);
  await expect(teacher.getByTestId("proposal")).toContainText("The morning clashes with a lecture.");
  await teacher.getByRole("button", { name: "Accept proposal" }).click();
  await expect(teacher.getByTestId("proposal")).toHaveCount(0);

  // The new time in both people's zones, on both sides.
  await expect(teacher.getByTestId("meeting-time-yours")).toContainText("16:00–16:30");
  await expect(teacher.getByTestId("meeting-time-yours")).toContainText(TEACHER.zone);
  await expect(teacher.getByTestId("meeting-time-other")).toContainText("17:00–17:30");
  await expect(teacher.getByTestId("meeting-time-other")).toContainText(STUDENT.zone);
  await student.reload();
  await expect(student.getByTestId("meeting-time-yours")).toContainText("17:00–17:30");
  await expect(student.getByTestId("meeting-time-other")).toContainText("16:00–16:30");
  await expect(student.getByTestId("participant").filter({ hasText: STUDENT.name })).toContainText("Accepted");

  // The calendar file: text/calendar, raised to SEQUENCE:1 by the move.
  const icsLink = teacher.getByTestId("meeting-ics");
  const download = teacher.waitForEvent("download");
  await icsLink.click();
  const file = await download;
  const ics = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toMatch(/SEQUENCE:1\r?\n/);
  const response = await teacher.request.get((await icsLink.getAttribute("href")) ?? "");
  expect(response.headers()["content-type"]).toContain("text/calendar");

  // The student cancels, confirming in a dialog with a reason; the teacher sees it cancelled.
  await student.getByRole("button", { name: "Cancel meeting" }).click();
  const confirm = student.getByRole("alertdialog", { name: "Cancel this meeting?" });
  await confirm.getByRole("button", { name: "Cancel meeting" }).click();
  // A reason is required: the dialog stays open with the message beside the field.
  await expect(confirm.getByText("Give a reason")).toBeVisible();
  await confirm.getByLabel("Reason").fill("My exam was moved to that afternoon.");
  await confirm.getByRole("button", { name: "Cancel meeting" }).click();
  await expect(confirm).toBeHidden();
  await expect(student.getByTestId("meeting-status")).toHaveText("Cancelled");
  await teacher.reload();
  await expect(teacher.getByTestId("meeting-status")).toHaveText("Cancelled");
  await expect(teacher.getByTestId("cancellation")).toContainText(`Cancelled by ${STUDENT.name}`);
  await expect(teacher.getByTestId("cancellation")).toContainText("My exam was moved to that afternoon.");
  await expect(teacher.getByTestId("meeting-actions")).toHaveCount(0);

  await teacher.context().close();
  await student.context().close();
});

test("a meeting without a title is refused beside the field, and nothing is created", async ({ browser }) => {
  const teacher = await signedInPage(browser, TEACHER.email, "/teacher");
  const before = await upcomingTotal(teacher);

  await teacher.goto("/meetings/new");
  await teacher.getByTestId("invitee-picker").click();
  await teacher.getByPlaceholder("Search by name or ID").fill("Hannah");
  await teacher.getByTestId("invitee-option").filter({ hasText: STUDENT.name }).click();
  await expect(teacher.getByTestId("invitee-picker")).toContainText(STUDENT.name);
  await teacher.getByLabel("Day").fill(dayIn(TEACHER.zone, 2));
  await teacher.getByTestId("slot-suggestion").first().click();
  await teacher.getByRole("button", { name: "Send invitation" }).click();

  const titleField = teacher.getByLabel("Title");
  await expect(titleField).toHaveAttribute("aria-invalid", "true");
  await expect(titleField).toHaveAccessibleDescription(/Give the meeting a title/);
  await expect(teacher).toHaveURL(/\/meetings\/new$/);
  expect(await upcomingTotal(teacher)).toBe(before);
  await teacher.context().close();
});
