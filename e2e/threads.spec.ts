import { expect, test } from "./fixtures";
import { demo, registerStudent } from "./helpers";
import { signedInPage } from "./signed-in";
import { composer, message, openThreadFromInbox, sendMessage, threadIdOf } from "./thread-helpers";

const LAB_THREAD = "Pendulum lab report";

test("a student and their teacher talk live on the assignment thread: typing, read receipts and a file, and an outsider sees none of it", async ({ browser }) => {
  test.setTimeout(300_000);
  const student = await signedInPage(browser, demo.student, "/student");
  const teacher = await signedInPage(browser, demo.teacher, "/teacher");
  await openThreadFromInbox(student, LAB_THREAD);
  await openThreadFromInbox(teacher, LAB_THREAD);
  await expect(teacher.getByRole("link", { name: /Open assignment/ })).toHaveAttribute("href", /^\/teacher\/assignments\//);

  // Typing shows on the other side, from client events on the thread's presence channel.
  // (Keys go on until it shows: the presence channel may still be joining when the page has just opened.)
  await expect(async () => {
    await composer(teacher).press("a");
    await expect(student.getByTestId("typing-indicator")).toContainText("is typing", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await composer(teacher).fill("");

  const question = `Did you time ten swings per run? ${Date.now()}`;
  await sendMessage(teacher, question);
  await expect(message(teacher, question)).toHaveAttribute("data-status", "sent");
  // Live, without a reload, exactly once.
  await expect(message(student, question)).toHaveCount(1);
  // The student has it open, so the teacher sees it read.
  await expect(teacher.getByTestId("seen-by").last()).toContainText("Liam");

  // A file, attached and sent by the student, downloaded by the teacher.
  const fileText = `period_s\n2.01\n${Date.now()}\n`;
  await student.getByTestId("composer").locator('input[type="file"]').setInputFiles({ name: "timings.csv", mimeType: "text/csv", buffer: Buffer.from(fileText) });
  await expect(student.getByTestId("composer-file")).toContainText("timings.csv");
  await expect(student.getByTestId("composer-file")).toHaveAttribute("data-status", "done");
  const answer = `Yes, ten swings each time ${Date.now()}`;
  await sendMessage(student, answer);
  const received = message(teacher, answer);
  await expect(received.getByTestId("message-attachment")).toContainText("timings.csv");
  const download = teacher.waitForEvent("download");
  await received.getByTestId("message-attachment").first().click();
  const file = await download;
  expect(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString())).toBe(fileText);
  const attachmentUrl = await received.getByTestId("message-attachment").first().getAttribute("href");

  // A third student: the thread, its messages and its file are not found.
  const outsider = await registerStudent(browser, "Olive Outsider", { confirm: false });
  const threadId = threadIdOf(teacher);
  const missing = await outsider.page.goto(`/messages/${threadId}`);
  expect(missing?.status()).toBe(404);
  expect((await outsider.page.goto("/messages/not-a-thread"))?.status()).toBe(404);
  const answers = await outsider.page.evaluate(
    async ([id, url]) => [(await fetch(`/api/threads/${id}/messages`)).status, (await fetch(url ?? "")).status],
    [threadId, attachmentUrl] as const,
  );
  expect(answers).toEqual([404, 404]);
  await outsider.context.close();
  await student.context().close();
  await teacher.context().close();
});

test("a new student and a CS rep talk in the Support thread; the student's badge and bell count the thread once", async ({ browser }) => {
  test.setTimeout(300_000);
  const student = await registerStudent(browser, "Supported Student", { confirm: false });
  await openThreadFromInbox(student.page, "Support");
  const hello = `Hello, can you help with my thesis outline? ${Date.now()}`;
  await sendMessage(student.page, hello);
  await expect(message(student.page, hello)).toHaveAttribute("data-status", "sent");

  // The CS rep finds it by what the student wrote (every student's Support thread is in their inbox).
  const rep = await signedInPage(browser, demo.support, "/support");
  await openThreadFromInbox(rep, "Support", hello.split("? ")[1]);
  await expect(message(rep, hello)).toHaveCount(1);

  // The student leaves the thread; two replies make one unread thread and one bell notification.
  await student.page.goto("/student");
  await expect(student.page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  await sendMessage(rep, "Of course. What is the topic?");
  await expect(student.page.getByTestId("messages-badge").first()).toHaveText("1");
  await sendMessage(rep, "And when is it due?");
  await expect(message(rep, "And when is it due?")).toHaveAttribute("data-status", "sent");
  await expect(student.page.getByTestId("notification-count")).toHaveText("1", { timeout: 20_000 });
  await student.page.goto("/notifications");
  await expect(student.page.getByRole("list", { name: "Notifications" }).getByRole("listitem").filter({ hasText: "wrote in “Support”" })).toHaveCount(1);

  // Reading the thread clears the badge, and the rep sees it read.
  await openThreadFromInbox(student.page, "Support");
  await expect(message(student.page, "And when is it due?")).toHaveCount(1);
  await expect(student.page.getByTestId("messages-badge")).toHaveCount(0);
  await expect(rep.getByTestId("seen-by").last()).toContainText("Supported Student");
  await student.context.close();
  await rep.context().close();
});
