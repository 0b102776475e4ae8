import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, createStaffAccount, demo, registerStudent, signInAs, signInWithTemporaryPassword } from "./helpers";

test("a notification appears live in its owner's open tabs and nowhere else", async ({ browser, page: admin }) => {
  test.setTimeout(300_000);
  // Neither student requests or pays, so neither needs to confirm their email first.
  const owner = await registerStudent(browser, "Live Owner", { confirm: false });
  const secondTab = await owner.context.newPage();
  await secondTab.goto("/notifications");
  const bystander = await registerStudent(browser, "Bystander", { confirm: false });
  for (const page of [owner.page, secondTab, bystander.page]) {
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  }
  await expect(owner.page.getByTestId("notification-count")).toHaveCount(0);

  // The admin's reset notifies the owner; the reset itself also ends the owner's sessions, so
  // the live toast and bell update arrive before their next navigation sends them to sign in.
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");
  await admin.goto(`/admin/users?q=${encodeURIComponent(owner.email)}`);
  const row = admin.locator(`[data-testid="user-row"][data-email="${owner.email}"]`);
  await row.getByRole("button", { name: "Reset password" }).click();
  // Watched from before the reset: a toast lasts a few seconds, and on a loaded machine the admin's
  // page can take longer than that to show the temporary password.
  const toasts = Promise.all(
    [owner.page, secondTab].map((page) => expect(page.locator("[data-sonner-toast]")).toContainText("Your password was reset", { timeout: 30_000 })),
  );
  await admin.getByRole("alertdialog").getByRole("button", { name: "Reset password" }).click();
  await expect(admin.getByTestId("temporary-password")).toBeVisible();
  await toasts;
  await expect(bystander.page.locator("[data-sonner-toast]")).toHaveCount(0);
  await expect(bystander.page.getByTestId("notification-count")).toHaveCount(0);
  await owner.context.close();
  await bystander.context.close();
});

test("marking notifications read in one tab clears the bell in the other, without reload", async ({ browser, page: admin }) => {
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");
  // A teacher: CS reps hear of every new request and every Support message other journeys send meanwhile.
  const { email, temporaryPassword } = await createStaffAccount(admin, "Lena Live", "Teacher");

  const context = await browser.newContext();
  const tabA = await context.newPage();
  await signInWithTemporaryPassword(tabA, email, temporaryPassword, "lena-new-pass-1");
  await expect(tabA).toHaveURL(/\/teacher$/);
  const tabB = await context.newPage();
  await tabB.goto("/notifications");
  // The welcome notification.
  for (const tab of [tabA, tabB]) {
    await expect(tab.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
    await expect(tab.getByTestId("notification-count")).toHaveText(/^[1-9]\d*$/);
  }

  await tabB.getByRole("button", { name: "Mark all as read" }).click();
  await expect(tabB.getByTestId("notification-count")).toHaveCount(0);
  // Well inside the 60 s poll: only the live event can clear it this fast.
  await expect(tabA.getByTestId("notification-count")).toHaveCount(0, { timeout: 5_000 });
  await context.close();
});

test("the channel auth endpoint refuses another user's channel and cross-site requests", async ({ page }) => {
  await signInAs(page, demo.student, DEMO_PASSWORD, "/student");
  const own = await page.evaluate(async () => {
    const response = await fetch("/api/notifications/summary");
    return response.status;
  });
  expect(own).toBe(200);
  const result = await page.evaluate(async () => {
    const body = new URLSearchParams({ socket_id: "123.456", channel_name: "private-user-00000000-0000-4000-8000-000000000000" });
    const response = await fetch("/api/pusher/auth", { method: "POST", body });
    return { status: response.status, body: await response.json() };
  });
  expect(result.status).toBe(403);
  expect(result.body.error).toBe("You cannot join this channel");

  const anonymous = await page.request.post("/api/pusher/auth", {
    form: { socket_id: "123.456", channel_name: "private-user-00000000-0000-4000-8000-000000000000" },
    headers: { cookie: "" },
  });
  expect(anonymous.status()).toBe(403);
  const crossSite = await page.request.post("/api/pusher/auth", {
    form: { socket_id: "123.456", channel_name: "private-user-x" },
    headers: { "sec-fetch-site": "cross-site" },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error).toBe("Cross-site request refused");
});
