import Link from "next/link";
import { firstValues, listHref, Pagination } from "@/components/assignments/pagination";
import { loadAssignmentDetail } from "@/components/assignments/load-detail";
import type { FormAction } from "@/components/assignments/use-assignment-action";
import { When } from "@/components/assignments/when";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader, StatCard } from "@/components/ui/card";
import { getDb } from "@/db/client";
import type { InvoiceStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { listApprovalQueue, listInvoicesForActor } from "@/lib/invoices/queries";
import { invoiceListQuerySchema } from "@/lib/invoices/schemas";
import { todayUtc } from "@/lib/invoices/state";
import { formatMoney, toDecimalString } from "@/lib/money/money";
import { getOwnProfile } from "@/lib/profiles/queries";
import { DraftForm, type Drafted } from "./draft-form";
import { findStudents } from "./find-students";
import { InvoiceHeading, InvoiceItems, InvoicePayments, InvoiceTimeline } from "./invoice-detail";
import { InvoiceFilters } from "./invoice-filters";
import { InvoiceList, InvoiceTotal } from "./invoice-list";
import { loadInvoiceDetail } from "./load-invoice";
import { ManualPaymentForm, MoveForm, RejectForm, VoidForm } from "./staff-forms";

// CS reps and admins share these views; each area's thin pages pass their base path and actions.
type SearchParams = Record<string, string | string[] | undefined>;
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

export async function StaffInvoiceList({ actor, base, searchParams }: Area & { searchParams: SearchParams }) {
  const raw = firstValues(searchParams);
  const query = invoiceListQuerySchema.parse(raw);
  const student = (raw.student ?? "").trim().slice(0, 100);
  const db = getDb();
  const path = `${base}/invoices`;
  // The "Student" search names one student: several matches are offered to choose from.
  const matches = student && !query.studentId ? await findStudents(db, actor, student) : [];
  const [only] = matches;
  const studentId = query.studentId ?? (matches.length === 1 && only ? only.id : undefined);
  const choose = Boolean(student && !query.studentId && matches.length !== 1);
  const list = choose ? null : await listInvoicesForActor(db, actor, { ...query, studentId });
  const keep = { status: query.status, student: student || undefined, studentId: query.studentId, from: query.from, to: query.to, overdue: query.overdue ? "1" : undefined };
  return (
    <>
      <PageHeader title="Invoices" description="Every invoice, newest first." actions={base === "/admin" ? <Link href="/admin/invoices/approvals" className={buttonClass("secondary")}>Approval queue</Link> : undefined} />
      <Card>
        <InvoiceFilters path={path} query={query} student={student} />
        {choose ? (
          matches.length === 0 ? (
            <EmptyState title="No student matches">Try another name or email.</EmptyState>
          ) : (
            <div>
              <p className="mb-2 text-sm text-slate-600">{matches.length} students match; choose one:</p>
              <ul className="space-y-1 text-sm" aria-label="Matching students">
                {matches.map((match) => (
                  <li key={match.id}>
                    <Link href={listHref(path, { ...keep, studentId: match.id })} className="text-brand-700 underline">
                      {match.name}
                    </Link>{" "}
                    <span className="text-slate-500">{match.email}</span>
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
            {list.items.length === 0 ? (
              <EmptyState title="No invoices match">Try other filters, or create an invoice from an assignment.</EmptyState>
            ) : (
              <InvoiceList rows={list.items.map((item) => ({ ...item, meta: `Student: ${item.studentName}` }))} basePath={path} label="Invoices" />
            )}
            <Pagination page={list.page} pageCount={list.pageCount} href={(page) => listHref(path, { ...keep, page })} />
          </>
        ) : null}
      </Card>
    </>
  );
}

export async function ApprovalQueue({ actor, searchParams }: { actor: Actor; searchParams: SearchParams }) {
  const page = Math.min(400, Math.max(1, Number.parseInt(firstValues(searchParams).page ?? "1", 10) || 1));
  const db = getDb();
  const [queue, own] = await Promise.all([listApprovalQueue(db, actor, page), getOwnProfile(db, actor)]);
  return (
    <>
      <PageHeader title="Approvals" description="Invoices waiting for approval, oldest first." />
      <Card>
        <InvoiceTotal total={queue.total} />
        {queue.items.length === 0 ? (
          <EmptyState title="Nothing to approve">Every submitted invoice has been handled.</EmptyState>
        ) : (
          <ul aria-label="Approval queue" className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
            {queue.items.map((item) => (
              <li key={item.id} data-testid="invoice-row" data-id={item.id} className="grid gap-2 p-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-4">
                <div className="min-w-0">
                  <Link href={`/admin/invoices/${item.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {formatMoney(item.totalMinor, item.currency)} for {item.studentName}
                  </Link>
                  <p className="mt-0.5 text-sm text-slate-600">
                    <span className="font-mono text-xs">{item.assignmentCode}</span> · {item.assignmentTitle}
                    {item.draftedByName ? <> · drafted by {item.draftedByName}</> : null}
                  </p>
                </div>
                <p className="text-sm text-slate-600">{item.submittedAt ? <>Submitted <When at={item.submittedAt} timeZone={own.profile.timeZone} /></> : null}</p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={queue.page} pageCount={queue.pageCount} href={(p) => listHref("/admin/invoices/approvals", { page: p })} />
      </Card>
    </>
  );
}

export async function StaffNewInvoice({ actor, base, searchParams, saveDraft }: Area & { searchParams: SearchParams; saveDraft: FormAction<Drafted> }) {
  const assignmentId = firstValues(searchParams).assignmentId;
  if (!assignmentId) {
    return (
      <>
        <PageHeader title="New invoice" />
        <Card>
          <EmptyState title="Choose an assignment first">
            Open an assignment from{" "}
            <Link href={`${base}/assignments`} className="text-brand-700 underline">
              the assignments list
            </Link>{" "}
            and choose Create invoice.
          </EmptyState>
        </Card>
      </>
    );
  }
  const { detail } = await loadAssignmentDetail(actor, assignmentId);
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

export async function StaffInvoiceDetail({ actor, base, invoiceId, actions }: Area & { invoiceId: string; actions: StaffInvoiceActions }) {
  const { detail, timeZone } = await loadInvoiceDetail(actor, invoiceId);
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
      <InvoiceHeading detail={detail} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-6">
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
          <InvoicePayments detail={detail} timeZone={timeZone} />
        </div>
        <div className="space-y-6">
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
              <MoveForm action={actions.approve} {...ref} label="Approve" pendingText="Approving…" success="Invoice approved" />
            </Card>
          ) : null}
          {pendingApproval && actions.reject && can(actor, "invoices:reject") ? (
            <Card title="Reject">
              <RejectForm action={actions.reject} {...ref} />
            </Card>
          ) : null}
          {payable && actions.recordPayment && can(actor, "payments:record-manual") ? (
            <Card title="Record manual payment">
              <ManualPaymentForm action={actions.recordPayment} {...ref} today={todayUtc()} balance={formatMoney(invoice.balanceMinor, invoice.currency)} />
            </Card>
          ) : null}
          {invoice.status === "approved" && invoice.paidMinor === 0 && actions.void && can(actor, "invoices:void") ? (
            <Card title="Void">
              <VoidForm action={actions.void} {...ref} number={invoice.number} />
            </Card>
          ) : null}
          <InvoiceTimeline detail={detail} timeZone={timeZone} />
        </div>
      </div>
    </>
  );
}
