import Link from "next/link";
import { getDb } from "@/db/client";
import { QueueCard } from "@/components/assignments/home-cards";
import { Card, PageHeader, StatCard } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/session";
import { getAdminOverview } from "@/lib/users/queries";
import { countAssignmentQueue } from "@/lib/assignments/home-queries";

export const metadata = { title: "Admin home" };

export default async function AdminHomePage() {
  const actor = await requireRole("admin");
  const [overview, waiting] = await Promise.all([getAdminOverview(getDb(), actor), countAssignmentQueue(getDb(), actor)]);
  return (
    <>
      <PageHeader title="Admin home" description="Accounts across the platform." actions={<Link href="/admin/users" className="text-sm text-brand-700 underline">Manage users</Link>} />
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
        <QueueCard waiting={waiting} base="/admin" />
      </div>
    </>
  );
}
