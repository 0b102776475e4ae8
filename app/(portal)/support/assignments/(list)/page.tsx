import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { firstValues } from "@/components/assignments/pagination";
import { StaffAssignmentList } from "@/components/assignments/staff-views";
import { getStaffAssignmentList } from "@/lib/assignments/staff-assignment-page";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Assignments" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("cs_rep");
  const data = await getStaffAssignmentList(getDb(), actor, firstValues(await searchParams));
  return <StaffAssignmentList base="/support" data={data} />;
}
