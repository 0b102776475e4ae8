import { type Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { demo, registerStudent, signIn } from "../helpers";
import { issueInvoice } from "../invoice-helpers";
import { message, openThreadFromInbox, sendMessage } from "../thread-helpers";
import { contextOn, instanceA, instanceB, signedInOn, standInRecord } from "./harness";

/**
 * Journeys across two instances of the app behind one database and one real-time server: what one
 * person does through instance A, another sees through instance B, as when a load balancer sends
 * them to different machines.
 */

const onInstance = (page: Page, origin: string) => expect(page).toHaveURL(new RegExp(`^${origin}/`));

test("both instances answer the load balancer's health check", async ({ request }) => {
  for (const origin of [instanceA(), instanceB()]) {
    const response = await request.get(`${origin}/api/health`);
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers()["cache-control"]).toContain("no-store");
    // Probed every few seconds: a small answer is not worth gzip's setup.
    expect(response.headers()["content-encoding"]).toBeUndefined();
  }
});

test("a student on instance A and a CS rep on instance B see each other's Support messages live", async ({ browser }) => {
  test.setTimeout(300_000);
  const student = await registerStudent(browser, "Clustered Student", { confirm: false });
  await onInstance(student.page, instanceA());
  await openThreadFromInbox(student.page, "Support");
  const hello = `Which instance am I on? ${Date.now()}`;
  await sendMessage(student.page, hello);
  await expect(message(student.page, hello)).toHaveAttribute("data-status", "sent");

  const rep = await signedInOn(browser, instanceB(), demo.support, "/support");
  await openThreadFromInbox(rep, "Support", hello.split("? ")[1]);
  await onInstance(rep, instanceB());
  await expect(message(rep, hello)).toHaveCount(1);

  // Published by B, delivered to the student's page served by A, without a reload.
  const reply = `You are on A, I am on B ${Date.now()}`;
  await sendMessage(rep, reply);
  await expect(message(student.page, reply)).toHaveCount(1);
  const thanks = `Thanks, got it live ${Date.now()}`;
  await sendMessage(student.page, thanks);
  await expect(message(rep, thanks)).toHaveCount(1);
  await onInstance(student.page, instanceA());
});

test("failed sign-ins through both instances count toward one limit, which both then enforce", async ({ browser }) => {
  const student = await registerStudent(browser, "Guessed Student", { confirm: false });
  await student.context.close();
  const onA = await (await contextOn(browser, instanceA())).newPage();
  const onB = await (await contextOn(browser, instanceB())).newPage();

  // Five wrong passwords (the account's limit), spread over the two instances.
  for (const page of [onA, onB, onA, onB, onA]) {
    await signIn(page, student.email, "not-the-password");
    await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
  }
  // Now even the right password is refused, whichever instance is asked.
  for (const page of [onB, onA]) {
    await signIn(page, student.email, student.password);
    await expect(page.getByTestId("form-error")).toHaveText("Too many sign-in attempts. Try again in 15 minutes.");
    await expect(page).toHaveURL(/\/login/);
  }
});

test("a Stripe checkout started on instance A is confirmed by its webhook on instance B", async ({ browser }) => {
  test.setTimeout(300_000);
  const { invoiceId, number, studentEmail } = await issueInvoice(browser, "Cluster tutoring session", "45.00");
  const before = (await standInRecord("stripe/deliveries")).deliveries.length;

  const student = await signedInOn(browser, instanceA(), studentEmail, "/student");
  await student.goto(`/student/invoices/${invoiceId}`);
  await expect(student.getByTestId("invoice-number")).toHaveText(number);
  await student.getByRole("button", { name: "Pay with card" }).click();
  await expect(student).toHaveURL(/\/pay\/cs_test_/);
  await expect(student.getByText("Total: 45.00 USD")).toBeVisible();
  await student.getByRole("button", { name: "Pay" }).click();
  await expect(student).toHaveURL(`${instanceA()}/student/invoices/${invoiceId}?checkout=success`);

  // Stripe was told to send webhooks to B, and B accepted this one.
  const { webhookUrl, deliveries } = await standInRecord("stripe/deliveries");
  expect(webhookUrl.startsWith(`${instanceB()}/`)).toBe(true);
  expect(deliveries.slice(before).map((delivery) => delivery.status)).toEqual([200]);

  await expect(async () => {
    await student.reload();
    await expect(student.getByTestId("invoice-status")).toHaveText("Paid", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(student.getByTestId("pay-now")).toHaveCount(0);
  await onInstance(student, instanceA());
});

test("an admin's block on instance B ends the user's session on instance A", async ({ browser }) => {
  const student = await registerStudent(browser, "Blocked Elsewhere", { confirm: false });
  await onInstance(student.page, instanceA());

  const admin = await signedInOn(browser, instanceB(), demo.admin, "/admin");
  await admin.goto(`/admin/users?q=${encodeURIComponent(student.email)}`);
  const row = admin.locator(`[data-testid="user-row"][data-email="${student.email}"]:visible`);
  await row.getByRole("button", { name: "Block" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: /^Block / }).click();
  await expect(row.getByText("Blocked", { exact: true })).toBeVisible();

  await student.page.goto("/student");
  await expect(student.page).toHaveURL(new RegExp(`^${instanceA()}/login`));
  await signIn(student.page, student.email, student.password);
  await expect(student.page.getByTestId("form-error")).toContainText("This account is blocked");
});

test("a file attached through instance A downloads with the same bytes through instance B", async ({ browser }) => {
  test.setTimeout(300_000);
  const student = await registerStudent(browser, "Uploading Student", { confirm: false });
  await openThreadFromInbox(student.page, "Support");
  await onInstance(student.page, instanceA());

  const storedBefore = new Set((await standInRecord("uploadthing/files")).map((file) => file.key));
  const fileText = `sample,value\nA,${Date.now()}\nB,${Math.random()}\n`;
  await student.page.getByTestId("composer").locator('input[type="file"]').setInputFiles({ name: "readings.csv", mimeType: "text/csv", buffer: Buffer.from(fileText) });
  await expect(student.page.getByTestId("composer-file")).toHaveAttribute("data-status", "done");
  const note = `My readings are attached ${Date.now()}`;
  await sendMessage(student.page, note);
  await expect(message(student.page, note)).toHaveAttribute("data-status", "sent");

  // Stored at UploadThing (privately), not on A's disk, which B could not read.
  const stored = (await standInRecord("uploadthing/files")).filter((file) => !storedBefore.has(file.key));
  expect(stored.map(({ size, acl }) => ({ size, acl }))).toEqual([{ size: Buffer.byteLength(fileText), acl: "private" }]);

  const rep = await signedInOn(browser, instanceB(), demo.support, "/support");
  await openThreadFromInbox(rep, "Support", note.split("attached ")[1]);
  const received = message(rep, note);
  await expect(received.getByTestId("message-attachment")).toContainText("readings.csv");
  const download = rep.waitForEvent("download");
  await received.getByTestId("message-attachment").first().click();
  const file = await download;
  expect(new URL(file.url()).origin).toBe(instanceB());
  const bytes = Buffer.concat(await (await file.createReadStream()).toArray());
  expect(bytes.equals(Buffer.from(fileText))).toBe(true);
});
