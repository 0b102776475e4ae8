import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments } from "@/db/schema";
import { listAssignmentQueue } from "@/lib/assignments/queries";
import { listInvoicesForActor } from "@/lib/invoices/queries";
import { invoiceListQuerySchema } from "@/lib/invoices/schemas";
import { assignmentIn, createTeam } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { invoiceIn } from "@/test/invoice-fixtures";
import { listVisitorQueue } from "@/lib/visitor-chat/queue-queries";
import { startTestVisitorSession } from "@/test/visitor-fixtures";
import { getSupportDashboard } from "./support";

describe("the CS rep dashboard", () => {
  it("counts the team's queue, requests unassigned for over 24 hours, drafts to submit and waiting visitors, the rows its links list", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const before = await getSupportDashboard(db, team.rep);

    const fresh = await assignmentIn(db, team, "submitted");
    const old = await assignmentIn(db, team, "submitted");
    const oldButAssigned = await assignmentIn(db, team, "assigned");
    await db.update(assignments).set({ createdAt: new Date(Date.now() - 25 * 3_600_000) }).where(eq(assignments.id, old.id));
    await db.update(assignments).set({ createdAt: new Date(Date.now() - 30 * 3_600_000) }).where(eq(assignments.id, oldButAssigned.id));
    await db.update(assignments).set({ createdAt: new Date(Date.now() - 23 * 3_600_000) }).where(eq(assignments.id, fresh.id));
    await invoiceIn(db, team, "draft");
    await invoiceIn(db, team, "pending_approval");
    await startTestVisitorSession(db);
    // Offline leads wait for an email, not a live reply: not counted.
    await startTestVisitorSession(db, { offline: true });

    const after = await getSupportDashboard(db, team.rep);
    expect(after.queueWaiting - before.queueWaiting).toBe(2);
    expect(after.unassignedOver24Hours - before.unassignedOver24Hours).toBe(1);
    expect(after.invoicesToSubmit - before.invoicesToSubmit).toBe(1);
    expect(after.visitorsWaiting - before.visitorsWaiting).toBe(1);

    // Each count is the total of the list it links to.
    expect((await listAssignmentQueue(db, team.rep, 1)).total).toBe(after.queueWaiting);
    expect((await listAssignmentQueue(db, team.rep, 1, "24h")).total).toBe(after.unassignedOver24Hours);
    expect((await listInvoicesForActor(db, team.rep, invoiceListQuerySchema.parse({ status: "draft" }))).total).toBe(after.invoicesToSubmit);
    expect((await listVisitorQueue(db, team.rep, { view: "waiting", limit: 100 })).items).toHaveLength(after.visitorsWaiting);
  });

  it("is refused to every other role, the admin included (who has a dashboard of their own)", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    for (const actor of [team.student, team.teacher, team.admin]) await expect(getSupportDashboard(db, actor)).rejects.toMatchObject({ code: "forbidden" });
  });
});
