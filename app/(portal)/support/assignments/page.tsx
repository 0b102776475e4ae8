import type { Metadata } from "next";
import { StaffAssignmentList } from "@/components/assignments/staff-views";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Assignments" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("cs_rep");
  return <StaffAssignmentList actor={actor} base="/support" searchParams={await searchParams} />;
}
