import { DeliveriesToReviewCard, InvoicesToPayCard, RecentAssignmentsCard, RequestHelpCard } from "@/components/assignments/student-home";
import { CountTiles } from "@/components/dashboards/count-tiles";
import { LiveDashboard } from "@/components/dashboards/live-dashboard";
import { studentTiles } from "@/components/dashboards/tiles";
import { personalTriggers } from "@/components/dashboards/triggers";
import { AreaHome } from "@/components/portal/area-home";
import { getDb } from "@/db/client";
import { getStudentHome } from "@/lib/assignments/home-queries";
import { requireRole } from "@/lib/auth/session";
import { getStudentDashboard } from "@/lib/dashboards/student";
import { listInvoicesToPay } from "@/lib/invoices/student-queries";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata = { title: "Student home" };

export default async function Page() {
  const actor = await requireRole("student");
  const db = getDb();
  const [profile, home, toPay, dashboard] = await Promise.all([getOwnProfile(db, actor), getStudentHome(db, actor), listInvoicesToPay(db, actor), getStudentDashboard(db, actor)]);
  const firstName = profile.profile.fullName.split(" ")[0];
  return (
    <AreaHome
      profile={profile}
      title={`Welcome back, ${firstName}`}
      description="What needs you now, then your latest requests."
      top={<CountTiles label="At a glance" tiles={studentTiles(dashboard, profile.profile.timeZone)} />}
    >
      <LiveDashboard triggers={personalTriggers(actor.id)} />
      <RequestHelpCard hasAssignments={home.recent.length > 0} />
      <InvoicesToPayCard invoices={toPay} />
      <DeliveriesToReviewCard assignments={home.toReview} />
      <RecentAssignmentsCard home={home} timeZone={profile.profile.timeZone} />
    </AreaHome>
  );
}
