import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { announcements, type Announcement } from "@/db/schema";
import { announcementNotFound, Refused, refuse } from "./refusal";

/**
 * Locks the row so changes to one announcement queue up, and refuses a form rendered before the
 * last change (its version is behind) or one that was unpublished meanwhile.
 */
export async function lockForChange(tx: Transaction, id: string, version: number): Promise<Announcement> {
  const [row] = await tx.select().from(announcements).where(eq(announcements.id, id)).for("update");
  if (!row) throw new Refused(announcementNotFound());
  if (row.unpublishedAt) refuse("conflict", "This announcement was unpublished; it can no longer change");
  if (row.version !== version) refuse("conflict", "Someone changed this announcement since you opened it. Reload the page and try again.");
  return row;
}
