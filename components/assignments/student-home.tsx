import Link from "next/link";
import { CreditCard, Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import type { HomeAssignment, StudentHome } from "@/lib/assignments/home-queries";
import type { StudentInvoiceLine } from "@/lib/invoices/student-queries";
import { formatMoney } from "@/lib/money/money";
import { dueDay } from "./due-day";
import { TaskCard, TaskRow, viewAll } from "./home-cards";
import { When } from "./when";

const PATH = "/student/assignments";

/** The call to action every student home starts with. */
export function RequestHelpCard({ hasAssignments }: { hasAssignments: boolean }) {
  return (
    <section aria-labelledby="request-help-title" className="rounded-xl bg-brand-700 p-5 text-white shadow-xs sm:p-6">
      <h2 id="request-help-title" className="text-lg font-semibold">
        {hasAssignments ? "Need help with something else?" : "Get help from a vetted teacher"}
      </h2>
      <p className="mt-1 text-sm text-brand-50">
        Tell us what you need (a paper, homework or exam support), attach your brief, and a CS rep matches a teacher to it. You are notified at each step.
      </p>
      <Link href={`${PATH}/new`} className={buttonClass("outline", "mt-4 border-white bg-white text-brand-900 hover:bg-brand-50 hover:text-brand-900")} data-testid="request-help">
        <Plus aria-hidden="true" />
        Request help
      </Link>
    </section>
  );
}

export function InvoicesToPayCard({ invoices }: { invoices: StudentInvoiceLine[] }) {
  return (
    <TaskCard
      title="Invoices to pay"
      count={invoices.length}
      testId="home-to-pay"
      actions={viewAll("/student/invoices", "All invoices")}
      empty="Nothing to pay. When an invoice is issued for one of your assignments, it appears here with a Pay button."
    >
      {invoices.map((invoice) => (
        <TaskRow
          key={invoice.id}
          href={`/student/invoices/${invoice.id}`}
          title={`${invoice.number ?? "Invoice"} · ${invoice.assignmentTitle}`}
          code={invoice.assignmentCode}
          detail={
            <>
              <span className="font-medium text-slate-900">{formatMoney(invoice.balanceMinor, invoice.currency)} due</span>
              <span>by {dueDay(invoice.dueDate)}</span>
              {invoice.overdue ? <Badge tone="red">Overdue</Badge> : null}
            </>
          }
          action={
            <Link href={`/student/invoices/${invoice.id}`} className={buttonClass("default", "w-full sm:w-auto", "sm")}>
              <CreditCard aria-hidden="true" />
              Pay<span className="sr-only"> {invoice.number}</span>
            </Link>
          }
        />
      ))}
    </TaskCard>
  );
}

export function DeliveriesToReviewCard({ assignments }: { assignments: HomeAssignment[] }) {
  return (
    <TaskCard
      title="Deliveries to review"
      count={assignments.length}
      testId="home-to-review"
      empty="No delivery waits for you. When a teacher delivers, you review it here: accept it, or ask for a revision."
    >
      {assignments.map((assignment) => (
        <TaskRow
          key={assignment.id}
          href={`${PATH}/${assignment.id}`}
          title={assignment.title}
          code={assignment.code}
          detail={<span>Delivered: accept it or ask for a revision</span>}
          action={
            <Link href={`${PATH}/${assignment.id}#review`} className={buttonClass("default", "w-full sm:w-auto", "sm")}>
              Review<span className="sr-only"> {assignment.title}</span>
            </Link>
          }
        />
      ))}
    </TaskCard>
  );
}

export function RecentAssignmentsCard({ home, timeZone }: { home: StudentHome; timeZone: string }) {
  return (
    <TaskCard
      title="Recent assignments"
      count={home.recent.length}
      badge={null}
      testId="home-recent"
      actions={viewAll(PATH, "All assignments")}
      empty="No requests yet. Request help above: it shows here with its progress, and you are notified when a teacher takes it on."
    >
      {home.recent.map((assignment) => (
        <TaskRow
          key={assignment.id}
          href={`${PATH}/${assignment.id}`}
          title={assignment.title}
          code={assignment.code}
          status={assignment.status}
          detail={
            <span>
              Due <When at={assignment.dueAt} timeZone={timeZone} />
            </span>
          }
        />
      ))}
    </TaskCard>
  );
}
