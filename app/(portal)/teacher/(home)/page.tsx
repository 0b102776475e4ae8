import { TeacherHomeCards } from "@/components/assignments/teacher-home";
import { CountTiles } from "@/components/dashboards/count-tiles";
import { LiveDashboard } from "@/components/dashboards/live-dashboard";
import { teacherTiles } from "@/components/dashboards/tiles";
import { personalTriggers } from "@/components/dashboards/triggers";
import { AreaHome } from "@/components/portal/area-home";
import { getDb } from "@/db/client";
import { getTeacherHome } from "@/lib/assignments/home-queries";
import { requireRole } from "@/lib/auth/session";
import { getTeacherDashboard } from "@/lib/dashboards/teacher";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata = { title: "Teacher home" };

export default async function Page() {
  const actor = await requireRole("teacher");
  const db = getDb();
  const [profile, home, dashboard] = await Promise.all([getOwnProfile(db, actor), getTeacherHome(db, actor), getTeacherDashboard(db, actor)]);
  const firstName = profile.profile.fullName.split(" ")[0];
  return (
    <AreaHome
      profile={profile}
      title={`Welcome back, ${firstName}`}
      description="Offers to answer, revisions asked for, and your work by due date."
      top={<CountTiles label="At a glance" tiles={teacherTiles(dashboard)} />}
    >
      <LiveDashboard triggers={personalTriggers(actor.id)} />
      <TeacherHomeCards home={home} timeZone={profile.profile.timeZone} now={new Date()} />
    </AreaHome>
  );
}
