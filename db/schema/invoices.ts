import { sql } from "drizzle-orm";
import { bigint, bigserial, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { assignments } from "./assignments";
import { users } from "./auth";

export const invoiceStatus = pgEnum("invoice_status", ["draft", "pending_approval", "approved", "partially_paid", "paid", "partially_refunded", "refunded", "void"]);
export const paymentProvider = pgEnum("payment_provider", ["stripe", "paypal", "manual"]);
export const paymentStatus = pgEnum("payment_status", ["pending", "succeeded", "failed", "disputed", "refunded", "partially_refunded", "cancelled"]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
// Integer minor units (cents); bigint in the database, a safe JS integer in code (lib/money checks).
const minor = (name: string) => bigint(name, { mode: "number" });

export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // INV-YYYY-NNNNN, drawn by next_invoice_number() when approved (migration invoice_numbers); null before.
    number: text("number").unique(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "restrict" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    status: invoiceStatus("status").notNull().default("draft"),
    currency: text("currency").notNull(),
    // Always the sum of the items' amounts, computed on the server.
    totalMinor: minor("total_minor").notNull().default(0),
    // Net of succeeded payments; balance = total - paid.
    paidMinor: minor("paid_minor").notNull().default(0),
    refundedMinor: minor("refunded_minor").notNull().default(0),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    notes: text("notes"),
    rejectionReason: text("rejection_reason"),
    voidReason: text("void_reason"),
    draftedBy: uuid("drafted_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedBy: uuid("approved_by").references(() => users.id, { onDelete: "set null" }),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    voidedBy: uuid("voided_by").references(() => users.id, { onDelete: "set null" }),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("invoices_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("invoices_amounts_valid", sql`${t.totalMinor} >= 0 and ${t.paidMinor} >= 0 and ${t.refundedMinor} >= 0 and ${t.paidMinor} <= ${t.totalMinor}`),
    check("invoices_number_format", sql`${t.number} is null or ${t.number} ~ '^INV-[0-9]{4}-[0-9]{5,}$'`),
    check("invoices_number_when_issued", sql`(${t.number} is null) = (${t.status} in ('draft', 'pending_approval'))`),
    // Student's list (newest first, optional status).
    index("invoices_student_created_idx").on(t.studentId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("invoices_student_status_created_idx").on(t.studentId, t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Staff list: status filter, date range, newest first.
    index("invoices_status_created_idx").on(t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("invoices_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Approval queue: oldest submission first.
    index("invoices_approval_queue_idx").on(t.submittedAt, t.id).where(sql`${t.status} = 'pending_approval'`),
    // Overdue: open invoices by due date.
    index("invoices_open_due_idx").on(t.dueDate).where(sql`${t.status} in ('approved', 'partially_paid')`),
    index("invoices_assignment_idx").on(t.assignmentId),
    // Staff column sorts (due date, total, status) with the id as tiebreaker.
    index("invoices_due_sort_idx").on(t.dueDate, t.id),
    index("invoices_total_sort_idx").on(t.totalMinor, t.id),
    index("invoices_status_sort_idx").on(t.status, t.id),
  ],
);

export const invoiceItems = pgTable(
  "invoice_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull(),
    unitPriceMinor: minor("unit_price_minor").notNull(),
    amountMinor: minor("amount_minor").notNull(),
  },
  (t) => [
    uniqueIndex("invoice_items_invoice_position_idx").on(t.invoiceId, t.position),
    check("invoice_items_amount_valid", sql`${t.quantity} > 0 and ${t.unitPriceMinor} >= 0 and ${t.amountMinor} = ${t.quantity} * ${t.unitPriceMinor}`),
  ],
);

export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "restrict" }),
    provider: paymentProvider("provider").notNull(),
    // Stripe's checkout session or PayPal's order id, or the bank/cash reference an admin typed for a manual payment.
    providerReference: text("provider_reference").notNull(),
    // The online attempt this pending payment belongs to, reused while the invoice is unchanged so the
    // provider's idempotency key repeats (lib/payments/payment-attempt.ts).
    attemptId: uuid("attempt_id"),
    attemptVersion: integer("attempt_version"),
    // What refunds name at the provider: Stripe's payment intent (pi_…), PayPal's capture id.
    stripePaymentIntent: text("stripe_payment_intent"),
    paypalCaptureId: text("paypal_capture_id"),
    amountMinor: minor("amount_minor").notNull(),
    currency: text("currency").notNull(),
    status: paymentStatus("status").notNull().default("pending"),
    // Manual payments: bank_transfer, cash, cheque, card_terminal, other.
    method: text("method"),
    // The admin's own note on a manual payment; staff only, never shown to the student.
    note: text("note"),
    // Why a payment was not applied (amount or currency mismatch, invoice not payable).
    disputeReason: text("dispute_reason"),
    // A provider event about this payment that the invoice rules could not apply: staff must look.
    reviewReason: text("review_reason"),
    reviewRequestedAt: timestamp("review_requested_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payments_provider_reference_idx").on(t.provider, t.providerReference),
    index("payments_invoice_idx").on(t.invoiceId, t.createdAt),
    index("payments_status_created_idx").on(t.status, t.createdAt.desc()),
    // Staff payment history, newest first: a page is read in order instead of sorting every payment.
    index("payments_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    check("payments_amount_positive", sql`${t.amountMinor} > 0`),
    check("payments_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    // Refund webhooks find the payment by what the provider names.
    index("payments_stripe_payment_intent_idx").on(t.stripePaymentIntent).where(sql`${t.stripePaymentIntent} is not null`),
    index("payments_paypal_capture_idx").on(t.paypalCaptureId).where(sql`${t.paypalCaptureId} is not null`),
    // The admin dashboard's revenue by month: captured payments of one currency in a paid_at range.
    index("payments_revenue_idx")
      .on(t.currency, t.paidAt)
      .where(sql`${t.status} in ('succeeded', 'partially_refunded', 'refunded', 'disputed')`),
  ],
);

/** The idempotency ledger for provider webhooks: an event id is processed once. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provider: paymentProvider("provider").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull().default({}),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    error: text("error"),
    // Deliveries that failed on our side before it was processed; past a few it is flagged, not retried.
    failedAttempts: integer("failed_attempts").notNull().default(0),
  },
  (t) => [uniqueIndex("webhook_events_provider_event_idx").on(t.provider, t.eventId), index("webhook_events_unprocessed_idx").on(t.receivedAt).where(sql`${t.processedAt} is null`)],
);

export const invoiceEvents = pgTable(
  "invoice_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    // Null for the creation of the draft.
    fromStatus: invoiceStatus("from_status"),
    toStatus: invoiceStatus("to_status").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("invoice_events_invoice_idx").on(t.invoiceId, t.createdAt, t.id)],
);

/** One row per year; next_invoice_number() bumps it inside the approving transaction. */
export const invoiceNumberCounters = pgTable("invoice_number_counters", {
  year: integer("year").primaryKey(),
  lastValue: integer("last_value").notNull(),
});

/**
 * Running totals of every invoice per (currency, status, due date), kept by the trigger
 * invoices_totals (migration invoice_totals) in the same transaction as each change, so the staff
 * list's unfiltered money totals read a few thousand rows instead of every invoice.
 */
export const invoiceTotals = pgTable(
  "invoice_totals",
  {
    currency: text("currency").notNull(),
    status: invoiceStatus("status").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    invoices: integer("invoices").notNull(),
    totalMinor: minor("total_minor").notNull(),
    paidMinor: minor("paid_minor").notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.status, t.dueDate] })],
);

export type Invoice = typeof invoices.$inferSelect;
export type InvoiceItem = typeof invoiceItems.$inferSelect;
export type InvoiceStatus = (typeof invoiceStatus.enumValues)[number];
export type Payment = typeof payments.$inferSelect;
export type PaymentProvider = (typeof paymentProvider.enumValues)[number];
export type PaymentStatus = (typeof paymentStatus.enumValues)[number];
export type InvoiceEvent = typeof invoiceEvents.$inferSelect;
export type WebhookEvent = typeof webhookEvents.$inferSelect;
export const invoiceStatuses = invoiceStatus.enumValues;
export const paymentStatuses = paymentStatus.enumValues;

export const refundStatus = pgEnum("refund_status", ["pending", "succeeded", "failed"]);

/**
 * A refund of (part of) one payment. Manual refunds are recorded succeeded at once; a Stripe
 * refund is pending until the `charge.refunded` webhook confirms it. Pending and succeeded refunds
 * count against what is left refundable on the payment.
 */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "restrict" }),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "restrict" }),
    provider: paymentProvider("provider").notNull(),
    // Stripe's refund id (re_…) once Stripe answered; null for manual refunds.
    providerReference: text("provider_reference"),
    amountMinor: minor("amount_minor").notNull(),
    currency: text("currency").notNull(),
    status: refundStatus("status").notNull().default("pending"),
    reason: text("reason").notNull(),
    failureReason: text("failure_reason"),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("refunds_payment_idx").on(t.paymentId, t.createdAt),
    index("refunds_invoice_idx").on(t.invoiceId, t.createdAt),
    uniqueIndex("refunds_provider_reference_idx").on(t.provider, t.providerReference).where(sql`${t.providerReference} is not null`),
    check("refunds_amount_positive", sql`${t.amountMinor} > 0`),
    check("refunds_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    // The admin dashboard's revenue by month: confirmed refunds of one currency in a confirmed_at range.
    index("refunds_revenue_idx").on(t.currency, t.confirmedAt).where(sql`${t.status} = 'succeeded'`),
  ],
);

export type Refund = typeof refunds.$inferSelect;
export type RefundStatus = (typeof refundStatus.enumValues)[number];
