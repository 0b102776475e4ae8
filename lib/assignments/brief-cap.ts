import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignmentFiles, assignments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { formatBytes, MAX_BRIEF_BYTES_PER_ASSIGNMENT, MAX_BRIEF_FILES_PER_ASSIGNMENT, MAX_FILES_PER_UPLOAD } from "@/lib/storage/uploads";
import { assignmentScope } from "./policy";

export type BriefTotals = { files: number; bytes: number };
export type BriefCaps = BriefTotals;

export const briefCaps: BriefCaps = { files: MAX_BRIEF_FILES_PER_ASSIGNMENT, bytes: MAX_BRIEF_BYTES_PER_ASSIGNMENT };
export const emptyBrief: BriefTotals = { files: 0, bytes: 0 };

/** The caps as the brief's file field states them, beside the per-file size it already shows. */
export const briefLimitsHint = `At most ${MAX_FILES_PER_UPLOAD} files at a time; a brief holds up to ${MAX_BRIEF_FILES_PER_ASSIGNMENT} files, ${formatBytes(MAX_BRIEF_BYTES_PER_ASSIGNMENT)} in all.`;

/** Why these files would take the brief past its caps, in words for the file field; undefined when they fit. */
export function briefCapError(current: BriefTotals, adding: readonly { size: number }[], caps: BriefCaps = briefCaps): string | undefined {
  const addingBytes = adding.reduce((sum, file) => sum + file.size, 0);
  if (current.files + adding.length > caps.files) {
    const room = Math.max(0, caps.files - current.files);
    return room === 0
      ? `The brief already has ${current.files} files, the most it can hold.`
      : `The brief can hold at most ${caps.files} files; it has ${current.files}, so add at most ${room} more.`;
  }
  if (current.bytes + addingBytes > caps.bytes) {
    const room = Math.max(0, caps.bytes - current.bytes);
    return `The brief can hold at most ${formatBytes(caps.bytes)} in all; ${formatBytes(room)} is left, and these files are ${formatBytes(addingBytes)}.`;
  }
  return undefined;
}

/** The brief files an assignment holds now, read through the actor's scope (a foreign one reads as empty). */
export async function briefTotals(db: Executor, actor: Actor, assignmentId: string): Promise<BriefTotals> {
  const [row] = await db
    .select({ files: sql<number>`count(*)::int`, bytes: sql<number>`coalesce(sum(${assignmentFiles.sizeBytes}), 0)::bigint`.mapWith(Number) })
    .from(assignmentFiles)
    .innerJoin(assignments, eq(assignments.id, assignmentFiles.assignmentId))
    .where(and(eq(assignmentFiles.assignmentId, assignmentId), eq(assignmentFiles.kind, "brief"), assignmentScope(actor)));
  return row ?? emptyBrief;
}
