import { TeacherHomeCards } from "@/components/assignments/teacher-home";
import { AreaHome } from "@/components/portal/area-home";
import { getDb } from "@/db/client";
import { getTeacherHome } from "@/lib/assignments/home-queries";
import { requireRole } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata = { title: "Teacher home" };

export default async function Page() {
  const actor = await requireRole("teacher");
  const db = getDb();
  const [profile, home] = await Promise.all([getOwnProfile(db, actor), getTeacherHome(db, actor)]);
  const firstName = profile.profile.fullName.split(" ")[0];
  return (
    <AreaHome profile={profile} title={`Welcome back, ${firstName}`} description="Offers to answer, revisions asked for, and your work by due date.">
      <TeacherHomeCards home={home} timeZone={profile.profile.timeZone} now={new Date()} />
    </AreaHome>
  );
}
