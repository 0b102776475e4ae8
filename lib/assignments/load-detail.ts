import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getOwnProfile } from "@/lib/profiles/queries";
import { getAssignmentDetail } from "./detail-queries";

export type AssignmentDetail = Awaited<ReturnType<typeof getAssignmentDetail>>;

/** A detail page's data and the viewer's time zone; a missing or foreign assignment is a 404. */
export async function loadAssignmentDetail(actor: Actor, assignmentId: string) {
  const db = getDb();
  try {
    const [detail, own] = await Promise.all([getAssignmentDetail(db, actor, assignmentId), getOwnProfile(db, actor)]);
    return { detail, timeZone: own.profile.timeZone };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
