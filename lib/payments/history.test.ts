import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordManualPayment } from "@/lib/invoices/record-manual-payment";
import { refundPayment } from "@/lib/invoices/refund-payment";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { invoiceIn, invoiceRef } from "@/test/invoice-fixtures";
import { listPaymentHistory, PAYMENT_HISTORY_PAGE_SIZE } from "./history";

describe("payment history", () => {
  it("shows a student only their own payments, staff everyone's with who recorded them", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const other = await createTeam(db);
    const mine = await invoiceIn(db, team, "paid");
    const partly = await invoiceIn(db, team, "partially_paid");
    const theirs = await invoiceIn(db, other, "paid");

    const own = await listPaymentHistory(db, team.student, { page: 1 });
    expect(own.total).toBe(2);
    expect(new Set(own.items.map((row) => row.invoiceId))).toEqual(new Set([mine.id, partly.id]));
    expect(own.items.every((row) => row.studentId === team.student.id)).toBe(true);
    expect(own.items.every((row) => row.recordedByName === null && row.studentName === null && row.disputeReason === null && row.providerReference === null)).toBe(true);
    // A reference of ours instead of the admin's bank reference.
    expect(own.items.every((row) => /^PAY-[0-9A-F]{8}$/.test(row.receipt))).toBe(true);
    expect(own.items.find((row) => row.invoiceId === partly.id)).toMatchObject({ provider: "manual", status: "succeeded", amountMinor: 5000, currency: "USD", invoiceNumber: expect.stringMatching(/^INV-/) });

    const theirsOwn = await listPaymentHistory(db, other.student, {});
    expect(theirsOwn.items.map((row) => row.invoiceId)).toEqual([theirs.id]);
    // A student who has paid nothing sees nothing.
    const stranger = await createStudent(db, "Stranger Student");
    expect(await listPaymentHistory(db, stranger, { page: 1 })).toMatchObject({ items: [], total: 0, pageCount: 1 });

    for (const staff of [team.admin, team.rep]) {
      const all = await listPaymentHistory(db, staff, { page: 1 });
      const ids = all.items.map((row) => row.invoiceId);
      expect(ids).toEqual(expect.arrayContaining([mine.id, partly.id, theirs.id]));
      expect(all.items.find((row) => row.invoiceId === mine.id)).toMatchObject({ recordedByName: expect.any(String), studentName: expect.any(String), providerReference: expect.stringMatching(/^BANK-/) });
    }
  });

  it("shows refunds on the payment and refuses teachers", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "paid");
    const [row] = (await listPaymentHistory(db, team.admin, {})).items;
    must(await refundPayment(db, team.admin, { ...(await invoiceRef(db, id)), paymentId: row?.id, amount: "10.00", reason: "Goodwill" }, { stripe: null }));
    expect((await listPaymentHistory(db, team.student, {})).items).toMatchObject([{ status: "partially_refunded", refundedMinor: 1000 }]);
    await expect(listPaymentHistory(db, team.teacher, {})).rejects.toBeInstanceOf(AppError);
  });

  it("pages newest first", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    for (let i = 0; i < PAYMENT_HISTORY_PAGE_SIZE + 1; i++) {
      must(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), method: "cash", reference: `CASH-${i}`, amount: "1.00", paidOn: new Date().toISOString().slice(0, 10) }));
    }
    const first = await listPaymentHistory(db, team.student, { page: 1 });
    const second = await listPaymentHistory(db, team.student, { page: 2 });
    const idOf = async (reference: string) => (await db.select({ id: payments.id }).from(payments).where(eq(payments.providerReference, reference)))[0]?.id;
    expect(first).toMatchObject({ total: PAYMENT_HISTORY_PAGE_SIZE + 1, pageCount: 2 });
    expect(first.items).toHaveLength(PAYMENT_HISTORY_PAGE_SIZE);
    expect(second.items.map((row) => row.id)).toEqual([await idOf("CASH-0")]);
    expect(first.items[0]?.id).toBe(await idOf(`CASH-${PAYMENT_HISTORY_PAGE_SIZE}`));
  });
});
