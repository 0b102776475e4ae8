import { expect, test } from "./fixtures";
import { acceptDelivery, assignFromQueue, assignmentCode, declineOffer, demo, fillCommonRequest, openTeacherAssignment, pdf, signedInPage, submitRequest, textFile } from "./assignment-helpers";
import { registerStudent } from "./helpers";

// Each journey signs up a student (with the emailed confirmation) and signs in staff and a teacher in
// contexts of their own: on two cores beside another worker that is a minute or two of navigations.
test("writing: request with two files, assign, accept, deliver, revise, deliver again, accept", async ({ browser }) => {
  test.setTimeout(300_000);
  const student = await registerStudent(browser, "Wren Writer");
  await fillCommonRequest(student.page, "Writing", "Essay on market failures");
  await student.page.getByLabel("Paper type").fill("Argumentative essay");
  await student.page.getByLabel("Pages").fill("6");
  await student.page.getByLabel("Files").setInputFiles([pdf("rubric.pdf"), textFile("notes.txt", "Focus on externalities.")]);
  await expect(student.page.getByTestId("chosen-file")).toHaveCount(2);
  const detailPath = await submitRequest(student.page);
  const code = await assignmentCode(student.page);
  await expect(student.page.getByRole("link", { name: "rubric.pdf" })).toBeVisible();
  await expect(student.page.getByRole("link", { name: "notes.txt" })).toBeVisible();

  const rep = await signedInPage(browser, demo.support, "/support");
  await assignFromQueue(rep, code, "Priya Raman", ["James Whitfield"]);

  const teacher = await signedInPage(browser, demo.teacher, "/teacher");
  await openTeacherAssignment(teacher, code, "Offers");
  await expect(teacher.getByRole("link", { name: "rubric.pdf" })).toBeVisible();
  await teacher.getByRole("button", { name: "Accept offer" }).click();
  await expect(teacher.getByTestId("assignment-status")).toContainText("In progress");

  const delivery = teacher.getByRole("region", { name: "Submit delivery" }).or(teacher.locator("section", { has: teacher.getByRole("heading", { name: "Submit delivery" }) })).first();
  await delivery.getByLabel("Notes").fill("First full draft.");
  await delivery.getByLabel("Files").setInputFiles([pdf("essay-v1.pdf", "draft one")]);
  await delivery.getByRole("button", { name: "Submit delivery" }).click();
  await expect(teacher.getByTestId("assignment-status")).toContainText("Delivered");

  await student.page.goto(detailPath);
  await expect(student.page.getByTestId("assignment-status")).toContainText("Delivered");
  await expect(student.page.getByRole("heading", { name: "Version 1" })).toBeVisible();
  const v1Link = student.page.getByTestId("delivery").getByRole("link", { name: "essay-v1.pdf" });
  const download = await student.page.request.get((await v1Link.getAttribute("href")) ?? "");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");

  await student.page.getByLabel("Comments").fill("Please expand the section on public goods.");
  await student.page.getByRole("button", { name: "Send revision request" }).click();
  await expect(student.page.getByTestId("assignment-status")).toContainText("Revision requested");

  await teacher.reload();
  await delivery.getByLabel("Notes").fill("Expanded the public goods section.");
  await delivery.getByLabel("Files").setInputFiles([pdf("essay-v2.pdf", "draft two")]);
  await delivery.getByRole("button", { name: "Submit delivery" }).click();
  await expect(teacher.getByTestId("assignment-status")).toContainText("Delivered");

  await student.page.reload();
  await expect(student.page.getByRole("heading", { name: "Version 2" })).toBeVisible();
  await expect(student.page.getByRole("heading", { name: "Version 1" })).toBeVisible();
  await acceptDelivery(student.page);
  await expect(student.page.getByTestId("assignment-status")).toContainText("Completed");
  // submitted, assigned, accepted, delivered, revision requested, delivered again, completed (at least).
  expect(await student.page.getByTestId("timeline").locator("li").count()).toBeGreaterThanOrEqual(7);
  await expect(student.page.getByTestId("timeline")).toContainText("Completed");

  // Another student cannot open it, nor download its files.
  const other = await registerStudent(browser, "Nosy Neighbour");
  const response = await other.page.goto(detailPath);
  expect(response?.status()).toBe(404);
  expect((await other.page.request.get((await v1Link.getAttribute("href")) ?? "")).status()).toBe(404);
});

test("homework: the solution text keeps its code and math exactly as written", async ({ browser }) => {
  test.setTimeout(300_000);
  const student = await registerStudent(browser, "Hugo Homework");
  await fillCommonRequest(student.page, "Homework", "Three recursion problems");
  await student.page.getByLabel("Number of problems").fill("3");
  const detailPath = await submitRequest(student.page);
  const code = await assignmentCode(student.page);

  const rep = await signedInPage(browser, demo.support, "/support");
  await assignFromQueue(rep, code, "Mei Tanaka");
  const teacher = await signedInPage(browser, "mei.tanaka@nanoproblem.test", "/teacher");
  await openTeacherAssignment(teacher, code, "Offers");
  await teacher.getByRole("button", { name: "Accept offer" }).click();
  const solution = "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\n# T(n) = T(n-1) + T(n-2) => O(phi^n)";
  await teacher.getByLabel("Solution").fill(solution);
  await teacher.getByRole("button", { name: "Submit delivery" }).click();
  await expect(teacher.getByTestId("assignment-status")).toContainText("Delivered");

  await student.page.goto(detailPath);
  await expect(student.page.locator("pre", { hasText: "def fib(n):" })).toHaveText(solution);
  await acceptDelivery(student.page);
  await expect(student.page.getByTestId("assignment-status")).toContainText("Completed");
});

test("exam: results with a score and an outcome reach the student", async ({ browser }) => {
  test.setTimeout(300_000);
  const student = await registerStudent(browser, "Esme Exam");
  await fillCommonRequest(student.page, "Exam", "Microeconomics midterm support");
  await student.page.getByLabel("Exam start").fill("2031-03-10T09:00");
  await student.page.getByLabel("Duration (minutes)").fill("90");
  await student.page.getByLabel("Platform").fill("Canvas");
  await student.page.getByLabel("Topics").fill("Elasticity, consumer surplus, monopoly pricing");
  const detailPath = await submitRequest(student.page);
  const code = await assignmentCode(student.page);

  const rep = await signedInPage(browser, demo.support, "/support");
  await assignFromQueue(rep, code, "Omar Haddad");
  const teacher = await signedInPage(browser, "omar.haddad@nanoproblem.test", "/teacher");
  await openTeacherAssignment(teacher, code, "Offers");
  await teacher.getByRole("button", { name: "Accept offer" }).click();
  await teacher.getByLabel("Score").fill("92/100");
  await teacher.getByLabel("Outcome").fill("Passed with distinction");
  await teacher.getByRole("button", { name: "Submit delivery" }).click();
  await expect(teacher.getByTestId("assignment-status")).toContainText("Delivered");

  await student.page.goto(detailPath);
  await expect(student.page.getByText("92/100")).toBeVisible();
  await expect(student.page.getByText("Passed with distinction")).toBeVisible();
  await acceptDelivery(student.page);
  await expect(student.page.getByTestId("assignment-status")).toContainText("Completed");
});

test("a bad upload is refused beside the field and nothing is stored", async ({ browser }) => {
  const student = await registerStudent(browser, "Mallory Upload");
  await fillCommonRequest(student.page, "Homework", "Request with a bad file");
  await student.page.getByLabel("Number of problems").fill("2");
  await student.page.getByLabel("Files").setInputFiles([
    { name: "invoice.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") },
    { name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]) },
  ]);
  await student.page.getByRole("button", { name: "Submit request" }).click();
  await expect(student.page.getByTestId("error-files")).toContainText("invoice.pdf");
  await expect(student.page.getByTestId("error-files")).toContainText("setup.exe");
  await expect(student.page).toHaveURL(/\/student\/assignments\/new$/);
  await student.page.goto("/student/assignments");
  await expect(student.page.getByTestId("assignment-row")).toHaveCount(0);
});

test("a teacher's decline returns the request to the queue", async ({ browser }) => {
  test.setTimeout(300_000);
  const student = await registerStudent(browser, "Dana Decline");
  await fillCommonRequest(student.page, "Homework", "Declined then requeued");
  await student.page.getByLabel("Number of problems").fill("4");
  const detailPath = await submitRequest(student.page);
  const code = await assignmentCode(student.page);
  const rep = await signedInPage(browser, demo.support, "/support");
  await assignFromQueue(rep, code, "James Whitfield");
  const teacher = await signedInPage(browser, "james.whitfield@nanoproblem.test", "/teacher");
  await openTeacherAssignment(teacher, code, "Offers");
  await declineOffer(teacher, "Outside my subjects.");
  // A teacher who declined no longer sees the assignment and is sent back to their list.
  await expect(teacher).toHaveURL(/\/teacher\/assignments(\?.*)?$/);
  expect((await teacher.goto(`/teacher/assignments/${detailPath.split("/").pop()}`))?.status()).toBe(404);
  await student.page.goto(detailPath);
  await expect(student.page.getByTestId("assignment-status")).toContainText("Waiting for a teacher");
  await rep.goto("/support/queue");
  await expect(rep.locator(`[data-testid="assignment-row"][data-code="${code}"]:visible`)).toBeVisible();
});
