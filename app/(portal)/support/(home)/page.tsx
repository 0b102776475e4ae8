import { QueueCard } from "@/components/assignments/home-cards";
import { AreaHome } from "@/components/portal/area-home";
import { getDb } from "@/db/client";
import { countAssignmentQueue } from "@/lib/assignments/home-queries";
import { requireRole } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata = { title: "Support home" };

export default async function Page() {
  const actor = await requireRole("cs_rep");
  const db = getDb();
  const [profile, waiting] = await Promise.all([getOwnProfile(db, actor), countAssignmentQueue(db, actor)]);
  return (
    <AreaHome profile={profile} title="Support home" description="Your CS rep account at a glance.">
      <QueueCard waiting={waiting} base="/support" />
    </AreaHome>
  );
}
