import { eq } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { assignments, invoiceEvents, invoiceItems, invoices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { publishDashboardChange } from "@/lib/dashboards/publish";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { allow, auditInvoice, changeInvoice, done, invalidInput, saveInvoice } from "./change-invoice";
import { draftSchema, parseNested, type DraftInput } from "./schemas";

type Drafted = { invoiceId: string; version: number; totalMinor: number; currency: string };

async function insertItems(tx: Executor, invoiceId: string, items: DraftInput["items"]): Promise<void> {
  await tx.insert(invoiceItems).values(items.map((item) => ({ invoiceId, ...item })));
}

/**
 * A CS rep or admin drafts an invoice for an assignment, or changes a draft (its items replaced).
 * The total is the sum of quantity × unit price computed here in minor units; a total sent by the
 * browser is ignored.
 */
export async function draftInvoice(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<Drafted>> {
  requirePermission(actor, "invoices:draft");
  const parsed = parseNested(draftSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const draft = parsed.data;
  const fields = { currency: draft.currency, dueDate: draft.dueDate, notes: draft.notes, totalMinor: draft.totalMinor };

  if (draft.invoiceId && draft.expectedVersion !== undefined) {
    return changeInvoice(db, actor, { invoiceId: draft.invoiceId, expectedVersion: draft.expectedVersion }, {
      check: (invoice) => (invoice.assignmentId !== draft.assignmentId ? fail("invalid", "Check the highlighted fields", { assignmentId: ["A draft stays with its assignment; start a new invoice instead"] }) : allow("edit_draft", invoice.status)),
      apply: async (tx, invoice) => {
        await tx.delete(invoiceItems).where(eq(invoiceItems.invoiceId, invoice.id));
        await insertItems(tx, invoice.id, draft.items);
        const saved = await saveInvoice(tx, actor.id, invoice, { set: fields });
        await auditInvoice(tx, actor, "invoice.draft_updated", invoice, { totalMinor: draft.totalMinor, currency: draft.currency, items: draft.items.length });
        return done({ invoiceId: invoice.id, version: saved.version, totalMinor: saved.totalMinor, currency: saved.currency });
      },
    });
  }

  const created = await db.transaction(async (tx): Promise<ServiceResult<Drafted>> => {
    const [assignment] = await tx.select({ id: assignments.id, studentId: assignments.studentId, code: assignments.code }).from(assignments).where(eq(assignments.id, draft.assignmentId));
    if (!assignment) return fail("invalid", "Check the highlighted fields", { assignmentId: ["Choose an assignment"] });
    const [invoice] = await tx
      .insert(invoices)
      .values({ ...fields, assignmentId: assignment.id, studentId: assignment.studentId, draftedBy: actor.id })
      .returning();
    if (!invoice) throw new Error("insert into invoices returned nothing");
    await insertItems(tx, invoice.id, draft.items);
    await tx.insert(invoiceEvents).values({ invoiceId: invoice.id, fromStatus: null, toStatus: "draft", actorId: actor.id });
    await auditInvoice(tx, actor, "invoice.drafted", invoice, { assignment: assignment.code, totalMinor: invoice.totalMinor, currency: invoice.currency, items: draft.items.length });
    return ok({ invoiceId: invoice.id, version: invoice.version, totalMinor: invoice.totalMinor, currency: invoice.currency });
  });
  if (created.ok) await publishDashboardChange("invoices");
  return created;
}
