import { describe, expect, it } from "vitest";
import { assignmentIn, createTeam } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { invoiceIn, makeOverdue } from "@/test/invoice-fixtures";
import { listInvoicesForAssignment, listInvoicesToPay } from "./student-queries";

describe("a student's invoices on their home and assignment pages", () => {
  it("lists what is left to pay, overdue first, and never drafts, paid or void invoices", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const issued = await invoiceIn(db, team, "approved");
    const overdue = await invoiceIn(db, team, "partially_paid");
    await makeOverdue(db, overdue.id);
    await invoiceIn(db, team, "draft");
    await invoiceIn(db, team, "pending_approval");
    await invoiceIn(db, team, "paid");
    await invoiceIn(db, team, "void");

    const toPay = await listInvoicesToPay(db, team.student);
    expect(toPay.map((row) => row.id)).toEqual([overdue.id, issued.id]);
    expect(toPay[0]).toMatchObject({ overdue: true, payable: true, balanceMinor: 11_550 - 5_000 });
    expect(await listInvoicesToPay(db, await createStudent(db, "Stranger"))).toEqual([]);
  });

  it("links an assignment to its issued invoices only, for its own student", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const assignment = await assignmentIn(db, team, "in_progress");
    const issued = await invoiceIn(db, team, "approved", { assignmentId: assignment.id });
    await invoiceIn(db, team, "draft", { assignmentId: assignment.id });

    expect((await listInvoicesForAssignment(db, team.student, assignment.id)).map((row) => row.id)).toEqual([issued.id]);
    expect(await listInvoicesForAssignment(db, await createStudent(db, "Stranger"), assignment.id)).toEqual([]);
  });
});
