import { expect, test } from "./fixtures";
import { issueInvoice, signedIn } from "./invoice-helpers";

test("a student pays an issued invoice through Stripe Checkout; only the verified webhook marks it paid", async ({ browser }) => {
  test.setTimeout(300_000);
  const { invoiceId, number, studentEmail, admin } = await issueInvoice(browser, "Exam preparation session", "80.00");

  const student = await signedIn(browser, studentEmail, "/student");
  await student.goto(`/student/invoices/${invoiceId}`);
  await expect(student.getByTestId("invoice-number")).toHaveText(number);
  await student.getByRole("button", { name: "Pay with card" }).click();

  // The stand-in's hosted checkout page, as Stripe's would be.
  await expect(student).toHaveURL(/\/pay\/cs_test_/);
  await expect(student.getByText("Total: 80.00 USD")).toBeVisible();
  await student.getByRole("button", { name: "Pay" }).click();

  await expect(student).toHaveURL(new RegExp(`/student/invoices/${invoiceId}\\?checkout=success$`));
  await expect(student.getByTestId("checkout-message")).toContainText("Stripe is confirming your payment");
  await expect(async () => {
    await student.reload();
    await expect(student.getByTestId("invoice-status")).toHaveText("Paid", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(student.getByTestId("pay-now")).toHaveCount(0);

  await admin.reload();
  await expect(admin.getByTestId("invoice-status")).toHaveText("Paid");
  await expect(admin.getByTestId("invoice-balance")).toHaveText("$0.00");
});

test("a return to the success page without a webhook marks nothing paid", async ({ browser }) => {
  const { invoiceId, studentEmail } = await issueInvoice(browser, "Proofreading", "15.00");
  const student = await signedIn(browser, studentEmail, "/student");
  await student.goto(`/student/invoices/${invoiceId}?checkout=success`);
  await expect(student.getByTestId("checkout-message")).toBeVisible();
  await expect(student.getByTestId("invoice-status")).toHaveText("Issued");
  await expect(student.getByRole("button", { name: "Pay with card" })).toBeVisible();
});
