import { expect, test } from "./fixtures";
import { demo, registerStudent } from "./helpers";
import { realtimeControlUrl, startRealtime, stopRealtime } from "./realtime-control";
import { signedInPage } from "./signed-in";
import { message, openThreadFromInbox, sendMessage } from "./thread-helpers";

// Runs alone, after every other journey (playwright.config.ts): it stops the real-time server they share.
test("messages sent while the real-time server is down reach both sides once it is back, each shown once, without a reload", async ({ browser }) => {
  test.skip(!realtimeControlUrl(), "needs the e2e harness (scripts/e2e-server.ts), which can stop its real-time server");
  test.setTimeout(300_000);
  const student = await registerStudent(browser, "Offline Olga", { confirm: false });
  await openThreadFromInbox(student.page, "Support");
  const opener = `Are you there? ${Date.now()}`;
  await sendMessage(student.page, opener);
  const rep = await signedInPage(browser, demo.support, "/support");
  await openThreadFromInbox(rep, "Support", opener.split("? ")[1]);
  await expect(message(rep, opener)).toHaveCount(1);

  await stopRealtime();
  try {
    for (const page of [student.page, rep]) await expect(page.getByTestId("connection-state")).not.toHaveAttribute("data-state", "connected");
    // The database is the truth: sends succeed while nothing can be published.
    await sendMessage(student.page, "First, while offline");
    await sendMessage(rep, "Reply while offline");
    await sendMessage(student.page, "Second, while offline");
    for (const text of ["First, while offline", "Second, while offline"]) await expect(message(student.page, text)).toHaveAttribute("data-status", "sent");
    await expect(message(rep, "Reply while offline")).toHaveAttribute("data-status", "sent");
  } finally {
    await startRealtime();
  }
  for (const page of [student.page, rep]) {
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected", { timeout: 30_000 });
    for (const text of [opener, "First, while offline", "Reply while offline", "Second, while offline"]) await expect(message(page, text)).toHaveCount(1);
  }
  // And live again afterwards.
  await sendMessage(rep, "Back online");
  await expect(message(student.page, "Back online")).toHaveCount(1);
  await student.context.close();
  await rep.context().close();
});
