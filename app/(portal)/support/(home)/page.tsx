import { QueueCard } from "@/components/assignments/home-cards";
import { CountTiles } from "@/components/dashboards/count-tiles";
import { LiveDashboard } from "@/components/dashboards/live-dashboard";
import { supportTiles } from "@/components/dashboards/tiles";
import { staffTriggers } from "@/components/dashboards/triggers";
import { AreaHome } from "@/components/portal/area-home";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/session";
import { getSupportDashboard } from "@/lib/dashboards/support";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata = { title: "Support home" };

export default async function Page() {
  const actor = await requireRole("cs_rep");
  const db = getDb();
  const [profile, dashboard] = await Promise.all([getOwnProfile(db, actor), getSupportDashboard(db, actor)]);
  return (
    <AreaHome profile={profile} title="Support home" description="What waits for the team now." top={<CountTiles label="At a glance" tiles={supportTiles(dashboard)} />}>
      <LiveDashboard triggers={staffTriggers("cs_rep", actor.id)} />
      <QueueCard waiting={dashboard.queueWaiting} base="/support" />
    </AreaHome>
  );
}
