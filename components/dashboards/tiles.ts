import type { AdminDashboard } from "@/lib/dashboards/admin";
import type { StudentDashboard } from "@/lib/dashboards/student";
import type { SupportDashboard } from "@/lib/dashboards/support";
import type { TeacherDashboard } from "@/lib/dashboards/teacher";
import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money/money";
import { formatDateTime } from "@/lib/time/format";
import type { CountTile } from "./count-tiles";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// Each href opens the list filtered to exactly the rows the count counts (see lib/dashboards).
export function studentTiles(d: StudentDashboard, timeZone: string): CountTile[] {
  const balance = d.unpaidBalances.length > 0 ? d.unpaidBalances.map((b) => formatMoney(b.minor, b.currency)).join(" + ") : formatMoney(0, DEFAULT_CURRENCY);
  return [
    { key: "open-requests", label: "Open requests", count: d.openRequests, href: "/student/assignments?open=1", hint: d.openRequests === 0 ? "None in progress" : "Not completed or cancelled" },
    { key: "to-review", label: "Deliveries to review", count: d.deliveriesToReview, href: "/student/assignments?status=delivered", hint: d.deliveriesToReview === 0 ? "Nothing to review" : "Accept or ask for a revision" },
    { key: "unpaid", label: "Unpaid balance", count: d.unpaidInvoices, display: balance, href: "/student/invoices?unpaid=1", hint: d.unpaidInvoices === 0 ? "Nothing to pay" : plural(d.unpaidInvoices, "invoice to pay", "invoices to pay") },
    {
      key: "next-meeting",
      label: "Next meeting",
      count: d.upcomingMeetings,
      display: d.nextMeeting ? formatDateTime(d.nextMeeting.startsAt, timeZone) : "None",
      href: "/meetings",
      hint: d.nextMeeting ? `${d.nextMeeting.title} with ${d.nextMeeting.withName}` : "Nothing scheduled",
    },
    { key: "unread", label: "Unread messages", count: d.unreadThreads, href: "/messages?filter=unread", hint: d.unreadThreads === 0 ? "All caught up" : plural(d.unreadThreads, "conversation", "conversations") },
  ];
}

export function teacherTiles(d: TeacherDashboard): CountTile[] {
  return [
    { key: "offers", label: "Offers waiting", count: d.offersWaiting, href: "/teacher/assignments?tab=offers", hint: d.offersWaiting === 0 ? "Nothing to answer" : "Accept or decline" },
    { key: "due-48h", label: "Due within 48 hours", count: d.dueWithin48Hours, href: "/teacher/assignments?tab=active&filter=due-48h", hint: "Overdue work included" },
    { key: "revision", label: "In revision", count: d.inRevision, href: "/teacher/assignments?tab=active&filter=revision", hint: d.inRevision === 0 ? "No revisions asked for" : "Asked for by the student" },
  ];
}

export function supportTiles(d: SupportDashboard): CountTile[] {
  return [
    { key: "queue", label: "Waiting for a teacher", count: d.queueWaiting, href: "/support/queue", hint: d.queueWaiting === 0 ? "The queue is empty" : "Oldest first" },
    { key: "unassigned-24h", label: "Unassigned over 24 hours", count: d.unassignedOver24Hours, href: "/support/queue?olderThan=24h", hint: d.unassignedOver24Hours === 0 ? "None waiting that long" : "Assign these first" },
    { key: "invoices-to-submit", label: "Invoices to submit", count: d.invoicesToSubmit, href: "/support/invoices?status=draft", hint: "Drafts waiting for approval" },
    { key: "visitors", label: "Visitors waiting", count: d.visitorsWaiting, href: "/support/visitors?view=waiting", hint: d.visitorsWaiting === 0 ? "No one waiting" : "On the website chat" },
  ];
}

export function adminTiles(d: AdminDashboard, queueWaiting: number): CountTile[] {
  return [
    { key: "approvals", label: "Approvals waiting", count: d.approvalsWaiting, href: "/admin/invoices/approvals", hint: d.approvalsWaiting === 0 ? "No invoice waiting" : "Invoices to approve or reject" },
    { key: "disputed", label: "Disputed payments", count: d.disputedPayments, href: "/admin/payments?status=disputed", hint: d.disputedPayments === 0 ? "Nothing to settle" : "Accept or refund" },
    { key: "admin-queue", label: "Waiting for a teacher", count: queueWaiting, href: "/admin/queue", hint: queueWaiting === 0 ? "The queue is empty" : "Oldest first" },
    { key: "revenue", label: "Revenue this month", count: d.revenueThisMonth, display: formatMoney(d.revenueThisMonth, d.currency), href: "/admin/payments", hint: `${d.currency}, after refunds` },
  ];
}
