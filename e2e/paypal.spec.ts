import { expect, test } from "./fixtures";
import { issueInvoice, signedIn } from "./invoice-helpers";

test("a student pays an issued invoice with PayPal: approved on PayPal's page, captured on return", async ({ browser }) => {
  test.setTimeout(300_000);
  const { invoiceId, number, studentEmail, admin } = await issueInvoice(browser, "Thesis review", "80.00");

  const student = await signedIn(browser, studentEmail, "/student");
  await student.goto(`/student/invoices/${invoiceId}`);
  await expect(student.getByTestId("invoice-number")).toHaveText(number);
  await student.getByRole("button", { name: "Pay with PayPal" }).click();

  // The stand-in's approval page, as PayPal's would be.
  await expect(student).toHaveURL(/\/checkoutnow\?token=[A-Z0-9]+$/);
  await expect(student.getByText("Total: 80.00 USD")).toBeVisible();
  await student.getByRole("button", { name: "Approve" }).click();

  // PayPal sends the browser back to /api/invoices/{id}/paypal-return, which captures and redirects.
  await expect(student).toHaveURL(new RegExp(`/student/invoices/${invoiceId}\\?checkout=success$`));
  await expect(student.getByTestId("invoice-status")).toHaveText("Paid");
  await expect(student.getByTestId("pay-now")).toHaveCount(0);

  await admin.reload();
  await expect(admin.getByTestId("invoice-status")).toHaveText("Paid");
  await expect(admin.getByTestId("invoice-balance")).toHaveText("$0.00");
});

test("a return from PayPal for an order that was never approved captures nothing", async ({ browser }) => {
  test.setTimeout(300_000);
  const { invoiceId, studentEmail } = await issueInvoice(browser, "Citation check", "12.00");
  const student = await signedIn(browser, studentEmail, "/student");
  await student.goto(`/student/invoices/${invoiceId}`);
  // The button creates the order; the student never approves it on PayPal's page.
  await student.getByRole("button", { name: "Pay with PayPal" }).click();
  await expect(student).toHaveURL(/\/checkoutnow\?token=[A-Z0-9]+$/);
  const orderId = new URL(student.url()).searchParams.get("token") ?? "";
  await student.goto(`/api/invoices/${invoiceId}/paypal-return?token=${orderId}`);
  await expect(student).toHaveURL(new RegExp(`/student/invoices/${invoiceId}\\?checkout=failed$`));
  await expect(student.getByTestId("checkout-message")).toContainText("was not completed");
  await expect(student.getByTestId("invoice-status")).toHaveText("Issued");
});
