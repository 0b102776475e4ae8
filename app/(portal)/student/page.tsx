import { StudentAssignmentsCard } from "@/components/assignments/home-cards";
import { AreaHome } from "@/components/portal/area-home";
import { requireRole } from "@/lib/auth/session";

export const metadata = { title: "Student home" };

export default async function Page() {
  const actor = await requireRole("student");
  return (
    <AreaHome actor={actor} title="Student home" description="Welcome back, here is your account.">
      <StudentAssignmentsCard actor={actor} />
    </AreaHome>
  );
}
