import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { orNotFound } from "@/app/(portal)/or-not-found";
import { firstValues } from "@/components/assignments/pagination";
import { StaffNewInvoice } from "@/components/invoices/staff-views";
import { getAssignmentDetail } from "@/lib/assignments/detail-queries";
import { requireRole } from "@/lib/auth/session";
import { saveDraftAction } from "../[id]/actions";

export const metadata: Metadata = { title: "New invoice" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("admin");
  const assignmentId = firstValues(await searchParams).assignmentId;
  const detail = assignmentId ? await orNotFound(getAssignmentDetail(getDb(), actor, assignmentId)) : null;
  return <StaffNewInvoice base="/admin" detail={detail} saveDraft={saveDraftAction} />;
}
