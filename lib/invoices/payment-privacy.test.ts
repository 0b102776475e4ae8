import { describe, expect, it } from "vitest";
import { payments } from "@/db/schema";
import { listPaymentHistory } from "@/lib/payments/history";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { invoiceIn, invoiceRef, manualPayment } from "@/test/invoice-fixtures";
import { getInvoiceDetail } from "./queries";
import { recordManualPayment } from "./record-manual-payment";

describe("what each role sees of a payment", () => {
  it("the student sees method, amount, date, status and a receipt reference; never the admin's note, provider ids or a dispute reason", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    must(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), ...manualPayment("20.00", { reference: "BANK-INTERNAL-7", note: "Student's father paid; call before refunding" }) }));
    // A card attempt still pending, and one disputed (the attempt and the session are provider ids).
    await db.insert(payments).values([
      { invoiceId: id, provider: "stripe", providerReference: "cs_test_pending", amountMinor: 9550, currency: "USD", status: "pending", attemptId: crypto.randomUUID(), attemptVersion: 3 },
      { invoiceId: id, provider: "paypal", providerReference: "5O190127TN364715T", paypalCaptureId: "3C679366HH908993F", amountMinor: 500, currency: "USD", status: "disputed", method: "paypal", disputeReason: "Paid $5.00, the balance asked for was $95.50" },
    ]);

    const own = await getInvoiceDetail(db, team.student, id);
    expect(own.payments).toHaveLength(3);
    for (const payment of own.payments) {
      expect(payment).toMatchObject({ providerReference: null, note: null, disputeReason: null, reviewReason: null, recordedByName: null, receipt: expect.stringMatching(/^PAY-[0-9A-F]{8}$/) });
      expect(Object.keys(payment)).not.toContain("attemptId");
      expect(Object.keys(payment)).not.toContain("paypalCaptureId");
    }
    expect(own.payments.map((payment) => [payment.provider, payment.status, payment.amountMinor]).sort()).toEqual([
      ["manual", "succeeded", 2000],
      ["paypal", "disputed", 500],
      ["stripe", "pending", 9550],
    ]);
    // The timeline a student reads names the receipt, not the bank reference.
    const text = JSON.stringify(own);
    for (const secret of ["BANK-INTERNAL-7", "call before refunding", "cs_test_pending", "5O190127TN364715T", "3C679366HH908993F", "balance asked for"]) expect(text).not.toContain(secret);
    expect((await listPaymentHistory(db, team.student, {})).items.every((row) => row.providerReference === null && row.disputeReason === null)).toBe(true);

    for (const staff of [team.admin, team.rep]) {
      const seen = await getInvoiceDetail(db, staff, id);
      const byReference = (reference: string) => seen.payments.find((payment) => payment.providerReference === reference);
      expect(byReference("BANK-INTERNAL-7")).toMatchObject({ note: "Student's father paid; call before refunding", recordedByName: expect.any(String) });
      expect(byReference("cs_test_pending")).toMatchObject({ note: null });
      expect(byReference("5O190127TN364715T")).toMatchObject({ disputeReason: "Paid $5.00, the balance asked for was $95.50" });
    }
  });
});
