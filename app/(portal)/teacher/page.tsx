import { TeacherOffersCard } from "@/components/assignments/home-cards";
import { AreaHome } from "@/components/portal/area-home";
import { requireRole } from "@/lib/auth/session";

export const metadata = { title: "Teacher home" };

export default async function Page() {
  const actor = await requireRole("teacher");
  return (
    <AreaHome actor={actor} title="Teacher home" description="Your teaching account at a glance.">
      <TeacherOffersCard actor={actor} />
    </AreaHome>
  );
}
