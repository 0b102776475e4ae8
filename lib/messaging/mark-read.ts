import { and, count, eq, gt, lte, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { messages, threadParticipants } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { publishNotifications } from "@/lib/notifications/publish";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { parseInput } from "@/lib/validation";
import { findParticipation, lastVisibleSeq } from "./policy";
import { publishThreadRead } from "./publish";
import { markReadSchema } from "./schemas";

/**
 * The reader has seen everything up to seq (never moves back). What is still unread is counted
 * again from the messages, so the badge cannot drift; reading all of it resolves the bell.
 */
export async function markThreadRead(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ lastReadSeq: number; unreadCount: number }>> {
  requirePermission(actor, "threads:take-part");
  const parsed = parseInput(markReadSchema, input);
  if (!parsed.ok) return fail("invalid", "Check what was read", parsed.fieldErrors);
  const { threadId } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const participation = await findParticipation(tx, actor, threadId);
    if (!participation) return fail("not_found", "Thread not found");
    const [participant] = await tx
      .select()
      .from(threadParticipants)
      .where(and(eq(threadParticipants.threadId, threadId), eq(threadParticipants.userId, actor.id)))
      .for("update");
    if (!participant) return fail("not_found", "Thread not found");
    const seq = Math.min(parsed.data.seq, lastVisibleSeq(participation));
    if (seq <= participant.lastReadSeq) return ok({ lastReadSeq: participant.lastReadSeq, unreadCount: participant.unreadCount, changed: false, resolved: [] as Awaited<ReturnType<typeof resolveTask>> });
    const [remaining] = await tx
      .select({ n: count() })
      .from(messages)
      .where(and(eq(messages.threadId, threadId), gt(messages.seq, seq), lte(messages.seq, lastVisibleSeq(participation)), ne(messages.authorId, actor.id)));
    const unreadCount = participant.leftAt === null ? (remaining?.n ?? 0) : 0;
    const caughtUp = unreadCount === 0;
    await tx
      .update(threadParticipants)
      .set({ lastReadSeq: seq, unreadCount, ...(caughtUp ? { unreadSince: null, notifiedAt: null, emailedAt: null } : {}) })
      .where(and(eq(threadParticipants.threadId, threadId), eq(threadParticipants.userId, actor.id)));
    const resolved = caughtUp ? await resolveTask(tx, taskKeys.readThread(threadId, actor.id)) : [];
    return ok({ lastReadSeq: seq, unreadCount, changed: true, resolved });
  });
  if (!result.ok) return result;
  const { lastReadSeq, unreadCount, changed, resolved } = result.data;
  if (changed) {
    await publishThreadRead(threadId, actor.id, lastReadSeq);
    await publishNotifications(resolved);
  }
  return ok({ lastReadSeq, unreadCount });
}

export const unreadSql = sql`${threadParticipants.unreadCount}`;
