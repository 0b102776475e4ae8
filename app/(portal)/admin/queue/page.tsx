import type { Metadata } from "next";
import { StaffQueue } from "@/components/assignments/staff-views";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Queue" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("admin");
  return <StaffQueue actor={actor} base="/admin" searchParams={await searchParams} />;
}
