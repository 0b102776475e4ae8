import { randomBytes } from "node:crypto";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { issueInvoice, recordPayment, signedIn } from "./invoice-helpers";

/** The admin refunds `amount` of the invoice's (only) refundable payment with the `Refund payment` form. */
async function refund(admin: Page, amount: string, reason: string) {
  const form = admin.getByTestId("refund-form");
  await expect(form).toHaveCount(1);
  await form.getByLabel("Amount").fill(amount);
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: "Refund payment" }).click();
  // Refunding asks first, naming the amount ("Refund $40.00").
  await admin.getByRole("alertdialog").getByRole("button", { name: /^Refund / }).click();
}

/** Reloads the page until the invoice shows `status` (a webhook-driven change). */
async function untilStatus(page: Page, status: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("invoice-status")).toHaveText(status, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

test("an admin refunds part, then the rest, of a manual payment", async ({ browser }) => {
  test.setTimeout(300_000);
  const { invoiceId, studentEmail, admin } = await issueInvoice(browser, "Thesis review", "60.00");

  const payment = admin.getByRole("form", { name: "Record manual payment" });
  await payment.getByLabel("Method").selectOption({ label: "Bank transfer" });
  await payment.getByLabel("Reference").fill(`BANK-${randomBytes(4).toString("hex")}`);
  await payment.getByLabel("Amount").fill("60.00");
  await recordPayment(admin);
  await expect(admin.getByTestId("invoice-status")).toHaveText("Paid");

  // More than was paid is refused; part of it moves the invoice to partially refunded at once.
  await refund(admin, "60.01", "Too much");
  await expect(admin.getByTestId("refund-form").getByText("At most $60.00 of this payment can be refunded")).toBeVisible();
  await expect(admin.getByTestId("invoice-status")).toHaveText("Paid");

  await refund(admin, "20.00", "One session was cancelled");
  await expect(admin.getByTestId("invoice-status")).toHaveText("Partially refunded");
  await expect(admin.getByTestId("invoice-refund")).toHaveCount(1);
  await expect(admin.getByTestId("refund-form").getByLabel("Amount")).toHaveValue("40.00");

  await refund(admin, "40.00", "The rest was cancelled too");
  await expect(admin.getByTestId("invoice-status")).toHaveText("Refunded");
  await expect(admin.getByTestId("invoice-refund")).toHaveCount(2);
  await expect(admin.getByTestId("refund-form")).toHaveCount(0);

  const student = await signedIn(browser, studentEmail, "/student");
  await student.goto(`/student/invoices/${invoiceId}`);
  await expect(student.getByTestId("invoice-status")).toHaveText("Refunded");
});

test("an admin refunds a Stripe payment; Stripe's charge.refunded webhook marks the invoice refunded", async ({ browser }) => {
  test.setTimeout(300_000);
  const { invoiceId, studentEmail, admin } = await issueInvoice(browser, "Statistics tutoring", "80.00");

  const student = await signedIn(browser, studentEmail, "/student");
  await student.goto(`/student/invoices/${invoiceId}`);
  await student.getByRole("button", { name: "Pay with card" }).click();
  await expect(student).toHaveURL(/\/pay\/cs_test_/);
  await student.getByRole("button", { name: "Pay" }).click();
  await expect(student).toHaveURL(new RegExp(`/student/invoices/${invoiceId}\\?checkout=success$`));
  await untilStatus(student, "Paid");

  await untilStatus(admin, "Paid");
  await refund(admin, "80.00", "Tutor unavailable");
  await expect(admin.getByText("Refund requested; Stripe confirms it shortly")).toBeVisible();

  // Confirmed only by the stand-in's signed charge.refunded delivery.
  await untilStatus(admin, "Refunded");
  await expect(admin.getByTestId("invoice-refund")).toHaveCount(1);
  await expect(admin.getByTestId("invoice-refund")).toContainText("Refunded");
  await untilStatus(student, "Refunded");
});

test("a card payment that no longer fits the balance is held as disputed; an admin refunds it through Stripe from the invoice page", async ({ browser }) => {
  test.setTimeout(300_000);
  const { invoiceId, studentEmail, admin } = await issueInvoice(browser, "Essay feedback", "90.00");

  // The student opens Stripe's page for the whole 90.00 …
  const student = await signedIn(browser, studentEmail, "/student");
  await student.goto(`/student/invoices/${invoiceId}`);
  await student.getByRole("button", { name: "Pay with card" }).click();
  await expect(student).toHaveURL(/\/pay\/cs_test_/);

  // … while an admin records a bank transfer of 30.00: the balance is now 60.00.
  const transfer = admin.getByRole("form", { name: "Record manual payment" });
  await transfer.getByLabel("Reference").fill(`BANK-${randomBytes(4).toString("hex")}`);
  await transfer.getByLabel("Amount").fill("30.00");
  await recordPayment(admin);
  await expect(admin.getByTestId("invoice-status")).toHaveText("Partially paid");

  await student.getByRole("button", { name: "Pay" }).click();
  await expect(student).toHaveURL(new RegExp(`/student/invoices/${invoiceId}\\?checkout=success$`));

  // The card's 90.00 is not counted: the invoice stays partially paid and the admin settles it.
  const dispute = admin.getByTestId("invoice-dispute");
  await expect(async () => {
    await admin.reload();
    await expect(dispute).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(admin.getByTestId("invoice-status")).toHaveText("Partially paid");
  await expect(admin.getByTestId("invoice-paid")).toHaveText("$30.00");
  await expect(dispute).toContainText("Paid $90.00, the balance was $60.00");
  await student.reload();
  await expect(student.getByTestId("invoice-payment").filter({ hasText: "$90.00" })).toContainText("Under review");

  await dispute.getByLabel("Reason").fill("Paid by card after the bank transfer arrived");
  await dispute.getByRole("button", { name: "Settle payment" }).click();
  const dialog = admin.getByRole("alertdialog");
  // Both choices are named; accepting would overpay, so only refunding is offered.
  await expect(dialog).toContainText("Accept is not possible: Counting $90.00 would overpay the balance of $60.00");
  await expect(dialog.getByRole("button", { name: "Accept as payment" })).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Already refunded at Stripe" })).toBeVisible();
  await dialog.getByRole("button", { name: "Refund $90.00" }).click();
  await expect(admin.getByText("Disputed payment settled")).toBeVisible();

  // Stripe's signed charge.refunded settles it: the payment is refunded, the invoice as it was.
  // The dispute closes when the refund is sent; the payment reads Refunded only once the webhook
  // has arrived, which the page shows on its next load.
  await expect(async () => {
    await admin.reload();
    await expect(dispute).toHaveCount(0, { timeout: 1_000 });
    await expect(admin.getByTestId("invoice-payment").filter({ hasText: "$90.00" })).toContainText("Refunded", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(admin.getByTestId("invoice-status")).toHaveText("Partially paid");
  await expect(admin.getByTestId("invoice-balance")).toHaveText("$60.00");

  // The student sees the refund and a receipt reference, never Stripe's ids or staff notes.
  await student.goto(`/student/invoices/${invoiceId}`);
  const refunded = student.getByTestId("invoice-payment").filter({ hasText: "$90.00" });
  await expect(refunded).toContainText("Refunded");
  await expect(refunded.getByTestId("payment-receipt")).toHaveText(/^PAY-[0-9A-F]{8}$/);
  await expect(student.getByText(/cs_test_|stripe-checkout|attempt=/)).toHaveCount(0);
  await expect(student.getByTestId("payment-reference")).toHaveCount(0);
});
