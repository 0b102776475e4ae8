import Link from "next/link";
import { getDb } from "@/db/client";
import { QueueCard } from "@/components/assignments/home-cards";
import { AssignmentsChart } from "@/components/dashboards/assignments-chart";
import { CountTiles } from "@/components/dashboards/count-tiles";
import { LiveDashboard } from "@/components/dashboards/live-dashboard";
import { RevenueCard } from "@/components/dashboards/revenue-card";
import { RevenueChart } from "@/components/dashboards/revenue-chart";
import { adminTiles } from "@/components/dashboards/tiles";
import { staffTriggers } from "@/components/dashboards/triggers";
import { Card, PageHeader, StatCard } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/session";
import { countAssignmentQueue } from "@/lib/assignments/home-queries";
import { getAdminDashboard } from "@/lib/dashboards/admin";

export const metadata = { title: "Admin home" };

export default async function AdminHomePage() {
  const actor = await requireRole("admin");
  const db = getDb();
  const [dashboard, waiting] = await Promise.all([getAdminDashboard(db, actor), countAssignmentQueue(db, actor)]);
  const overview = dashboard.users;
  return (
    <>
      <PageHeader title="Admin home" description="The platform at a glance." actions={<Link href="/admin/users" className="text-sm text-brand-700 underline">Manage users</Link>} />
      <LiveDashboard triggers={staffTriggers("admin", actor.id)} />
      <CountTiles label="At a glance" tiles={adminTiles(dashboard, waiting)} />
      <div className="mb-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <RevenueCard thisMonth={dashboard.revenueThisMonth} lastMonth={dashboard.revenueLastMonth} currency={dashboard.currency} />
        <RevenueChart months={dashboard.revenueByMonth} currency={dashboard.currency} timeZone={dashboard.timeZone} />
      </div>
      <Card title="Users">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
          <StatCard label="Students" value={overview.byRole.student} testId="count-student" />
          <StatCard label="Teachers" value={overview.byRole.teacher} testId="count-teacher" />
          <StatCard label="CS reps" value={overview.byRole.cs_rep} testId="count-cs_rep" />
          <StatCard label="Admins" value={overview.byRole.admin} testId="count-admin" />
          <StatCard label="Blocked" value={overview.blocked} testId="count-blocked" />
          <StatCard label="New this week" value={overview.newThisWeek} testId="count-new" />
        </dl>
      </Card>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <AssignmentsChart counts={dashboard.assignmentsByStatus} />
        <QueueCard waiting={waiting} base="/admin" />
      </div>
    </>
  );
}
