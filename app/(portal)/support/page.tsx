import { QueueCard } from "@/components/assignments/home-cards";
import { AreaHome } from "@/components/portal/area-home";
import { requireRole } from "@/lib/auth/session";

export const metadata = { title: "Support home" };

export default async function Page() {
  const actor = await requireRole("cs_rep");
  return (
    <AreaHome actor={actor} title="Support home" description="Your CS rep account at a glance.">
      <QueueCard actor={actor} base="/support" />
    </AreaHome>
  );
}
