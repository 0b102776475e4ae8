import { and, count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assignments, invoices, type InvoiceStatus } from "@/db/schema";
import type { ServiceResult } from "@/lib/errors";
import { applySucceededPayment } from "@/lib/invoices/apply-payment";
import { approveInvoice } from "@/lib/invoices/approve-invoice";
import { draftInvoice } from "@/lib/invoices/draft-invoice";
import { recordManualPayment } from "@/lib/invoices/record-manual-payment";
import type { manualMethods } from "@/lib/invoices/schemas";
import { todayUtc } from "@/lib/invoices/state";
import { submitForApproval } from "@/lib/invoices/submit-for-approval";
import { toDecimalString } from "@/lib/money/money";
import { withoutLivePublishing } from "@/lib/realtime/publish";
import { loadPeople, type emails } from "./seed-demo-assignments";

type Student = Extract<keyof typeof emails, "liam" | "sofia" | "kwame" | "hannah" | "aisha">;
type Item = { description: string; quantity: number; unitPriceMinor: number };
type Payment = { method: (typeof manualMethods)[number]; reference: string; amountMinor: number; note?: string };

/** How far each demo invoice goes through its life: "draft" stays with the CS rep, the rest are submitted. */
export type DemoInvoice = {
  student: Student;
  assignmentTitle: string;
  reaches: Extract<InvoiceStatus, "draft" | "pending_approval" | "approved" | "partially_paid" | "paid">;
  dueInDays: number;
  notes?: string;
  items: Item[];
  payments: Payment[];
  /** A card payment of this amount that is not the balance: held as disputed for an admin to settle. */
  disputedCardMinor?: number;
};

const CURRENCY = "USD";

// Amounts in cents. Each assignment is one of scripts/demo/seed-demo-assignments.ts's.
export const demoInvoices: DemoInvoice[] = [
  {
    student: "liam",
    assignmentTitle: "Keynes vs Hayek on the Great Depression",
    reaches: "draft",
    dueInDays: 30,
    notes: "Express delivery to be confirmed with the student before this is sent.",
    items: [
      { description: "Research paper, 8 pages", quantity: 8, unitPriceMinor: 2_000 },
      { description: "Express delivery", quantity: 1, unitPriceMinor: 2_500 },
    ],
    payments: [],
  },
  {
    student: "hannah",
    assignmentTitle: "Literature review: Wuthering Heights",
    reaches: "pending_approval",
    dueInDays: 21,
    items: [
      { description: "Literature review, 6 pages", quantity: 6, unitPriceMinor: 2_200 },
      { description: "MLA citation check", quantity: 1, unitPriceMinor: 1_000 },
    ],
    payments: [],
  },
  {
    student: "liam",
    assignmentTitle: "Hypothesis testing worksheet",
    reaches: "approved",
    dueInDays: 14,
    notes: "Payable by card, PayPal or bank transfer.",
    items: [{ description: "Statistics problems with worked solutions", quantity: 8, unitPriceMinor: 650 }],
    payments: [],
    disputedCardMinor: 2_500,
  },
  {
    student: "kwame",
    assignmentTitle: "Organic chemistry midterm",
    reaches: "partially_paid",
    dueInDays: 10,
    notes: "Agreed in two instalments.",
    items: [
      { description: "Exam support session, 90 minutes", quantity: 1, unitPriceMinor: 12_000 },
      { description: "Topic review: alkenes and stereochemistry, 1 hour", quantity: 2, unitPriceMinor: 3_500 },
    ],
    payments: [{ method: "bank_transfer", reference: "TRF-GH-204817", amountMinor: 10_000, note: "First instalment" }],
  },
  {
    student: "liam",
    assignmentTitle: "Pendulum lab report",
    reaches: "paid",
    dueInDays: 7,
    items: [
      { description: "Lab report, 4 pages", quantity: 4, unitPriceMinor: 1_800 },
      { description: "Data analysis and graphs", quantity: 1, unitPriceMinor: 1_500 },
    ],
    payments: [{ method: "bank_transfer", reference: "TRF-CA-559302", amountMinor: 8_700 }],
  },
];

function must<T>(result: ServiceResult<T>): T {
  if (!result.ok) throw new Error(`demo invoices: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

const inDays = (days: number) => todayUtc(new Date(Date.now() + days * 86_400_000));

/**
 * Demo invoices in the statuses a fresh install should show (draft to paid), made through the
 * invoice services so numbers, timelines, notifications and audit rows are the real ones: the CS
 * rep drafts and submits, the admin approves and records bank transfers, and one card payment of
 * the wrong amount waits for an admin to settle it. Nothing is published
 * live. Runs once: a database that already has invoices, or lacks the demo assignments, is left alone.
 */
export function seedDemoInvoices(db: Database): Promise<{ created: number }> {
  return withoutLivePublishing(() => seed(db));
}

async function seed(db: Database): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(invoices);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const people = await loadPeople(db);
  if (!people) return { created: 0 };
  const { diego: rep, amara: admin } = people;
  const assignmentIds: string[] = [];
  for (const demo of demoInvoices) {
    const [assignment] = await db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.studentId, people[demo.student].id), eq(assignments.title, demo.assignmentTitle)));
    if (!assignment) return { created: 0 };
    assignmentIds.push(assignment.id);
  }

  let created = 0;
  for (const [index, demo] of demoInvoices.entries()) {
    const items = demo.items.map((item) => ({ description: item.description, quantity: String(item.quantity), unitPrice: toDecimalString(item.unitPriceMinor, CURRENCY) }));
    const drafted = must(await draftInvoice(db, rep, { assignmentId: assignmentIds[index], currency: CURRENCY, dueDate: inDays(demo.dueInDays), notes: demo.notes ?? "", items }));
    created += 1;
    if (demo.reaches === "draft") continue;
    const ref = { invoiceId: drafted.invoiceId, expectedVersion: drafted.version };
    ref.expectedVersion = must(await submitForApproval(db, rep, ref)).version;
    if (demo.reaches === "pending_approval") continue;
    ref.expectedVersion = must(await approveInvoice(db, admin, ref)).version;
    for (const payment of demo.payments) {
      const { amountMinor, ...rest } = payment;
      ref.expectedVersion = must(await recordManualPayment(db, admin, { ...ref, ...rest, amount: toDecimalString(amountMinor, CURRENCY), paidOn: todayUtc(), note: payment.note ?? "" })).version;
    }
    if (demo.disputedCardMinor) {
      // As Stripe's webhook would apply it: the rule holds it as disputed and tells the admins.
      const amountMinor = demo.disputedCardMinor;
      await db.transaction((tx) =>
        applySucceededPayment(tx, drafted.invoiceId, { provider: "stripe", providerReference: `cs_demo_${drafted.invoiceId.slice(0, 8)}`, amountMinor, currency: CURRENCY, method: "card" }),
      );
    }
  }
  return { created };
}
