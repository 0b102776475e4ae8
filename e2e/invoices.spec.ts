import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { demo } from "./helpers";
import { approveInvoice, demoAssignment, recordPayment, signedIn } from "./invoice-helpers";

test("an invoice is drafted, approved, seen by the student and paid in two parts", async ({ browser }) => {
  test.setTimeout(300_000);
  const rep = await signedIn(browser, demo.support, "/support");
  const { id: assignmentId, email: studentEmail } = await demoAssignment(rep);

  // The CS rep drafts with two items; bad rows are refused beside their own fields.
  await rep.goto(`/support/invoices/new?assignmentId=${assignmentId}`);
  const first = rep.getByRole("group", { name: "Item 1" });
  await first.getByLabel("Description").fill("");
  await first.getByLabel("Quantity").fill("2");
  await first.getByLabel("Unit price").fill("-5");
  await rep.getByRole("button", { name: "Add item" }).click();
  const second = rep.getByRole("group", { name: "Item 2" });
  await second.getByLabel("Description").fill("Rush fee");
  await second.getByLabel("Unit price").fill("25.50");
  await rep.getByRole("button", { name: "Save draft" }).click();
  await expect(first.getByText("Enter a description")).toBeVisible();
  await expect(first.getByText("Enter a price such as 12.50")).toBeVisible();
  await expect(second.locator('[data-testid^="error-"]')).toHaveCount(0);
  await expect(rep.getByTestId("form-error")).toContainText("Check the highlighted fields");

  await first.getByLabel("Description").fill("Essay editing, 2 hours");
  await first.getByLabel("Unit price").fill("40.00");
  await expect(rep.getByTestId("draft-total-preview")).toHaveText("$105.50");
  await rep.getByRole("button", { name: "Save draft" }).click();
  await expect(rep).toHaveURL(/\/support\/invoices\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const invoiceId = /\/support\/invoices\/([0-9a-f-]{36})$/.exec(rep.url())?.[1] ?? "";
  await expect(rep.getByTestId("invoice-status")).toHaveText("Draft");
  await expect(rep.getByTestId("invoice-amount")).toHaveText("$105.50");
  await expect(rep.getByTestId("invoice-item")).toHaveCount(2);
  await rep.getByRole("button", { name: "Submit for approval" }).click();
  await expect(rep.getByTestId("invoice-status")).toHaveText("Pending approval");

  // The admin approves it from the queue; it is issued with its number.
  const admin = await signedIn(browser, demo.admin, "/admin");
  await admin.goto("/admin/invoices/approvals");
  await admin.locator(`[data-testid="invoice-row"][data-id="${invoiceId}"]`).getByRole("link").click();
  await expect(admin.getByTestId("invoice-status")).toHaveText("Pending approval");
  await approveInvoice(admin);
  await expect(admin.getByTestId("invoice-status")).toHaveText("Issued");
  await expect(admin.getByTestId("invoice-number")).toHaveText(/^INV-\d{4}-\d{5,}$/);
  const number = ((await admin.getByTestId("invoice-number").textContent()) ?? "").trim();
  await expect(admin.getByTestId("invoice-balance")).toHaveText("$105.50");

  // The student who owns the assignment sees it.
  const student = await signedIn(browser, studentEmail, "/student");
  await student.goto("/student/invoices");
  // The list on screen: while a streamed page is revealed, React may hold a hidden copy of it in the DOM.
  const row = student.getByRole("list", { name: "Your invoices" }).locator(`[data-testid="invoice-row"][data-number="${number}"]`);
  await expect(row).toContainText("Issued");
  await expect(row).toContainText("$105.50");
  await row.getByRole("link", { name: number }).click();
  await expect(student.getByTestId("invoice-number")).toHaveText(number);
  await expect(student.getByTestId("invoice-balance")).toHaveText("$105.50");
  await expect(student.getByTestId("pay-now")).toContainText("bank transfer");

  // The admin records a payment larger than the balance (refused), then part, then the rest.
  const payment = admin.getByRole("form", { name: "Record manual payment" });
  const reference = `BANK-${randomBytes(4).toString("hex")}`;
  await payment.getByLabel("Method").selectOption({ label: "Bank transfer" });
  await payment.getByLabel("Reference").fill(`${reference}-1`);
  await payment.getByLabel("Amount").fill("500.00");
  await recordPayment(admin);
  await expect(payment.getByText("The amount is more than the balance of $105.50")).toBeVisible();
  await expect(admin.getByTestId("invoice-status")).toHaveText("Issued");

  await payment.getByLabel("Amount").fill("50.00");
  await payment.getByLabel("Note").fill("First instalment");
  await recordPayment(admin);
  await expect(admin.getByTestId("invoice-status")).toHaveText("Partially paid");
  await expect(admin.getByTestId("invoice-balance")).toHaveText("$55.50");

  await payment.getByLabel("Method").selectOption({ label: "Cash" });
  await payment.getByLabel("Reference").fill(`${reference}-2`);
  await payment.getByLabel("Amount").fill("55.50");
  await recordPayment(admin);
  await expect(admin.getByTestId("invoice-status")).toHaveText("Paid");
  await expect(admin.getByTestId("invoice-balance")).toHaveText("$0.00");
  await expect(admin.getByTestId("invoice-payment")).toHaveCount(2);

  await student.reload();
  await expect(student.getByTestId("invoice-status")).toHaveText("Paid");
  await expect(student.getByTestId("invoice-balance")).toHaveText("$0.00");
  await expect(student.getByTestId("pay-now")).toHaveCount(0);

  // Staff see the admin's note and the bank references; the student sees receipts of ours instead.
  await expect(admin.getByTestId("payment-note")).toHaveText("First instalment");
  await expect(admin.getByTestId("payment-reference")).toHaveText([`${reference}-1`, `${reference}-2`]);
  await expect(student.getByTestId("invoice-payment")).toHaveCount(2);
  await expect(student.getByTestId("payment-receipt")).toHaveText([/^PAY-[0-9A-F]{8}$/, /^PAY-[0-9A-F]{8}$/]);
  await expect(student.getByText("First instalment")).toHaveCount(0);
  await expect(student.getByText(reference)).toHaveCount(0);
});
