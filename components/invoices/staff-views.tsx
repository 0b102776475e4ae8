import Link from "next/link";
import { listHref, Pagination } from "@/components/assignments/pagination";
import type { FormAction } from "@/components/assignments/use-assignment-action";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader, StatCard } from "@/components/ui/card";
import type { AssignmentDetail } from "@/lib/assignments/types";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { InvoicePage } from "@/lib/invoices/invoice-page";
import type { StaffInvoiceListPage } from "@/lib/invoices/staff-invoice-list";
import { todayUtc } from "@/lib/invoices/state";
import type { ApprovalQueue as ApprovalQueueData, InvoiceStatus } from "@/lib/invoices/types";
import { formatMoney, toDecimalString } from "@/lib/money/money";
import { ApprovalTable } from "./approval-table";
import { DraftForm, type Drafted } from "./draft-form";
import { InvoiceHeading, InvoiceItems, InvoicePayments, InvoiceTimeline } from "./invoice-detail";
import { InvoiceFilters } from "./invoice-filters";
import { InvoiceTotal } from "./invoice-list";
import { InvoiceTable } from "./invoice-table";
import { AdminDisputes, AdminReviews } from "./dispute-section";
import { AdminRefunds } from "./refund-section";
import { ApproveForm, ManualPaymentForm, MoveForm, RejectForm, VoidForm } from "./staff-forms";

// CS reps and admins share these views; each area's thin pages load the data and pass their base path and actions.
type Area = { actor: Actor; base: "/support" | "/admin" };
type Moved = { version: number; status: InvoiceStatus };

/** The staff area's server actions; CS reps bind the first two, admins all of them. */
export type StaffInvoiceActions = {
  saveDraft: FormAction<Drafted>;
  submit: FormAction<Moved>;
  approve?: FormAction<Moved & { number: string }>;
  reject?: FormAction<Moved>;
  void?: FormAction<Moved>;
  recordPayment?: FormAction<{ paymentId: string; version: number; status: InvoiceStatus; balanceMinor: number }>;
};

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function StaffInvoiceList({ base, page }: { base: Area["base"]; page: StaffInvoiceListPage }) {
  const { query, student, matches, list } = page;
  const path = `${base}/invoices`;
  const filters = { status: query.status, student: student || undefined, studentId: query.studentId, from: query.from, to: query.to, overdue: query.overdue ? "1" : undefined };
  // The sort survives a chosen student and every page link.
  const keep = { ...filters, sort: query.sort, dir: query.sort ? query.dir : undefined };
  const filtered = Boolean(query.status || student || query.studentId || query.from || query.to || query.overdue);
  const empty = filtered ? (
    <EmptyState title="No invoices match these filters">
      <p>Try other filters, or create an invoice from an assignment.</p>
      <Link href={listHref(path, { sort: query.sort, dir: query.sort ? query.dir : undefined })} className={buttonClass("outline", "mt-3")}>
        Clear filters
      </Link>
    </EmptyState>
  ) : (
    <EmptyState title="No invoices yet">Draft one from an assignment&apos;s page.</EmptyState>
  );
  return (
    <>
      <PageHeader title="Invoices" description="Every invoice, newest first unless you sort by a column." actions={base === "/admin" ? <Link href="/admin/invoices/approvals" className={buttonClass("secondary")}>Approval queue</Link> : undefined} />
      <Card>
        <InvoiceFilters path={path} query={query} student={student} />
        {matches ? (
          matches.length === 0 ? (
            <EmptyState title={`No student matches “${student}”`}>
              <p>Try another name, email or public ID.</p>
              <Link href={path} className={buttonClass("outline", "mt-3")}>
                Clear filters
              </Link>
            </EmptyState>
          ) : (
            <div>
              <p className="mb-2 text-sm text-slate-600">{matches.length} students match; choose one:</p>
              <ul className="space-y-1 text-sm" aria-label="Matching students">
                {matches.map((match) => (
                  <li key={match.id} className="[overflow-wrap:anywhere]">
                    <Link href={listHref(path, { ...keep, studentId: match.id })} className="text-brand-700 underline">
                      {match.name}
                    </Link>{" "}
                    <span className="text-slate-600">{match.email}</span>
                  </li>
                ))}
              </ul>
            </div>
          )
        ) : list ? (
          <>
            {list.totals.length > 0 ? (
              <dl className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Totals">
                {list.totals.flatMap((row) => [
                  <StatCard key={`${row.currency}-invoiced`} label={`Invoiced (${row.currency})`} value={formatMoney(row.invoicedMinor, row.currency)} testId={`total-invoiced-${row.currency}`} />,
                  <StatCard key={`${row.currency}-paid`} label={`Paid (${row.currency})`} value={formatMoney(row.paidMinor, row.currency)} testId={`total-paid-${row.currency}`} />,
                  <StatCard key={`${row.currency}-outstanding`} label={`Outstanding (${row.currency})`} value={formatMoney(row.outstandingMinor, row.currency)} testId={`total-outstanding-${row.currency}`} />,
                  <StatCard key={`${row.currency}-overdue`} label={`Overdue (${row.currency})`} value={formatMoney(row.overdueMinor, row.currency)} testId={`total-overdue-${row.currency}`} />,
                ])}
              </dl>
            ) : null}
            <InvoiceTotal total={list.total} />
            <InvoiceTable rows={list.items} basePath={path} empty={empty} sort={{ sort: query.sort, dir: query.dir }} filters={filters} />
            {list.items.length > 0 ? <Pagination page={list.page} pageCount={list.pageCount} href={(n) => listHref(path, { ...keep, page: n })} /> : null}
          </>
        ) : null}
      </Card>
    </>
  );
}

export function ApprovalQueue({ queue, timeZone }: { queue: ApprovalQueueData; timeZone: string }) {
  return (
    <>
      <PageHeader title="Approvals" description="Invoices waiting for approval, oldest first." />
      <Card>
        <InvoiceTotal total={queue.total} />
        <ApprovalTable rows={queue.items} timeZone={timeZone} empty={<EmptyState title="Nothing to approve">Every submitted invoice has been handled.</EmptyState>} />
        {queue.items.length > 0 ? <Pagination page={queue.page} pageCount={queue.pageCount} href={(n) => listHref("/admin/invoices/approvals", { page: n })} /> : null}
      </Card>
    </>
  );
}

/** The draft form for one assignment; without one, a pointer to where invoices start. */
export function StaffNewInvoice({ base, detail, saveDraft }: { base: Area["base"]; detail: AssignmentDetail | null; saveDraft: FormAction<Drafted> }) {
  if (!detail) {
    return (
      <>
        <PageHeader title="New invoice" />
        <Card>
          <EmptyState title="Choose an assignment first">
            Open an assignment from{" "}
            <Link href={`${base}/assignments`} className="text-brand-700 underline">
              the assignments list
            </Link>{" "}
            and choose Draft invoice.
          </EmptyState>
        </Card>
      </>
    );
  }
  const { assignment, student } = detail;
  return (
    <>
      <p className="mb-3 text-sm">
        <Link href={`${base}/assignments/${assignment.id}`} className="text-brand-700 underline">
          ← Back to the assignment
        </Link>
      </p>
      <PageHeader title="New invoice" description={`For ${assignment.code} · ${assignment.title}${student ? ` · ${student.name} (${student.email})` : ""}`} />
      <Card title="Draft">
        <DraftForm action={saveDraft} assignmentId={assignment.id} invoicesPath={`${base}/invoices`} defaultDueDate={addDays(todayUtc(), 14)} />
      </Card>
    </>
  );
}

/** One invoice for staff: its items and payments, and the steps its status and the viewer's role allow. */
export function StaffInvoiceDetail<T, D, R>({
  actor,
  base,
  page,
  actions,
  refundAction,
  disputeAction,
  reviewAction,
}: Area & { page: InvoicePage; actions: StaffInvoiceActions; refundAction?: FormAction<T>; disputeAction?: FormAction<D>; reviewAction?: FormAction<R> }) {
  const { detail, timeZone, refunds, disputes } = page;
  const { invoice } = detail;
  const ref = { invoiceId: invoice.id, version: invoice.version };
  const draft = invoice.status === "draft";
  const pendingApproval = invoice.status === "pending_approval";
  const payable = invoice.status === "approved" || invoice.status === "partially_paid";
  return (
    <>
      <p className="mb-3 text-sm">
        <Link href={pendingApproval && base === "/admin" ? "/admin/invoices/approvals" : `${base}/invoices`} className="text-brand-700 underline">
          ← Back to the list
        </Link>
      </p>
      <InvoiceHeading detail={detail} assignmentHref={detail.assignment ? `${base}/assignments/${detail.assignment.id}` : undefined} />
      {/* The steps come first in the document (first on a phone); on a desktop they head the right column. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 space-y-6 lg:col-start-2 lg:row-start-1 empty:hidden" data-testid="invoice-actions">
          {disputes && disputeAction ? <AdminDisputes invoice={invoice} disputes={disputes} action={disputeAction} /> : null}
          {reviewAction && can(actor, "payments:resolve-dispute") ? <AdminReviews invoice={invoice} payments={detail.payments} action={reviewAction} /> : null}
          {draft ? (
            <Card title="Submit">
              <p className="mb-3 text-sm text-slate-600">An admin approves the invoice before the student sees it.</p>
              <MoveForm action={actions.submit} {...ref} label="Submit for approval" pendingText="Submitting…" success="Submitted for approval" />
            </Card>
          ) : null}
          {pendingApproval && !actions.approve ? <p className="text-sm text-slate-600">Waiting for an admin&apos;s approval.</p> : null}
          {pendingApproval && actions.approve && can(actor, "invoices:approve") ? (
            <Card title="Approve">
              <p className="mb-3 text-sm text-slate-600">Approving issues the invoice with its number and tells the student.</p>
              <ApproveForm action={actions.approve} {...ref} total={formatMoney(invoice.totalMinor, invoice.currency)} studentName={detail.studentName} />
            </Card>
          ) : null}
          {pendingApproval && actions.reject && can(actor, "invoices:reject") ? (
            <Card title="Reject">
              <RejectForm action={actions.reject} {...ref} />
            </Card>
          ) : null}
          {payable && actions.recordPayment && can(actor, "payments:record-manual") ? (
            <Card title="Record manual payment">
              <ManualPaymentForm action={actions.recordPayment} {...ref} today={todayUtc()} balance={formatMoney(invoice.balanceMinor, invoice.currency)} currency={invoice.currency} number={invoice.number} />
            </Card>
          ) : null}
          {invoice.status === "approved" && invoice.paidMinor === 0 && actions.void && can(actor, "invoices:void") ? (
            <Card title="Void">
              <VoidForm action={actions.void} {...ref} number={invoice.number} />
            </Card>
          ) : null}
        </div>
        <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          {draft && invoice.rejectionReason ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="rejection-reason">
              Sent back: {invoice.rejectionReason}
            </p>
          ) : null}
          {draft ? (
            <Card title="Edit draft">
              <DraftForm
                key={invoice.version}
                action={actions.saveDraft}
                assignmentId={invoice.assignmentId}
                invoicesPath={`${base}/invoices`}
                defaultDueDate={invoice.dueDate}
                draft={{
                  invoiceId: invoice.id,
                  version: invoice.version,
                  currency: invoice.currency,
                  dueDate: invoice.dueDate,
                  notes: invoice.notes ?? "",
                  items: detail.items.map((item) => ({ description: item.description, quantity: String(item.quantity), unitPrice: toDecimalString(item.unitPriceMinor, invoice.currency) })),
                }}
              />
            </Card>
          ) : null}
          <InvoiceItems detail={detail} />
          <InvoicePayments detail={detail} timeZone={timeZone} staff />
          {refunds && refundAction ? <AdminRefunds invoice={invoice} refunds={refunds} action={refundAction} /> : null}
        </div>
        <div className="min-w-0 space-y-6 lg:col-start-2 lg:row-start-2">
          <Card title="Details">
            <dl className="grid gap-2 text-sm">
              <div>
                <dt className="text-slate-500">Student</dt>
                <dd data-testid="invoice-student">{detail.studentName ?? "—"}</dd>
              </div>
              {detail.assignment ? (
                <div>
                  <dt className="text-slate-500">Assignment</dt>
                  <dd>
                    <Link href={`${base}/assignments/${detail.assignment.id}`} className="text-brand-700 underline">
                      {detail.assignment.code}
                    </Link>
                  </dd>
                </div>
              ) : null}
              {detail.draftedByName ? (
                <div>
                  <dt className="text-slate-500">Drafted by</dt>
                  <dd>{detail.draftedByName}</dd>
                </div>
              ) : null}
              {detail.approvedByName ? (
                <div>
                  <dt className="text-slate-500">Approved by</dt>
                  <dd>{detail.approvedByName}</dd>
                </div>
              ) : null}
              {invoice.status === "void" && invoice.voidReason ? (
                <div>
                  <dt className="text-slate-500">Voided{detail.voidedByName ? ` by ${detail.voidedByName}` : ""}</dt>
                  <dd className="whitespace-pre-wrap">{invoice.voidReason}</dd>
                </div>
              ) : null}
            </dl>
          </Card>
          <InvoiceTimeline detail={detail} timeZone={timeZone} />
        </div>
      </div>
    </>
  );
}
