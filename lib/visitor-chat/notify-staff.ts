import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type Notification, type VisitorSession } from "@/db/schema";
import { notify } from "@/lib/notifications/notify";
import { taskKeys } from "@/lib/notifications/task-keys";

export const VISITOR_WAITING_NOTIFICATION = "visitor.waiting";

/** Where each role serves visitors. */
export const visitorLinks = {
  support: (sessionId: string) => `/support/visitors/${sessionId}`,
  admin: (sessionId: string) => `/admin/visitors/${sessionId}`,
};

const preview = (text: string) => (Array.from(text).length > 140 ? `${Array.from(text).slice(0, 139).join("")}…` : text);

/** The bell of every active CS rep and admin: a visitor waits (live) or left a message (offline). */
export async function notifyVisitorWaiting(tx: Executor, session: VisitorSession, question: string): Promise<Notification[]> {
  const staff = await tx.select({ id: users.id, role: users.role }).from(users).where(and(inArray(users.role, ["cs_rep", "admin"]), eq(users.status, "active")));
  const title = session.offline ? `Offline message from ${session.name}` : `${session.name} is waiting in visitor chat`;
  const common = { type: VISITOR_WAITING_NOTIFICATION, title, body: preview(question), taskKey: taskKeys.serveVisitor(session.id) };
  const reps = staff.filter((user) => user.role === "cs_rep").map((user) => user.id);
  const admins = staff.filter((user) => user.role === "admin").map((user) => user.id);
  return [...(await notify(tx, reps, { ...common, link: visitorLinks.support(session.id) })), ...(await notify(tx, admins, { ...common, link: visitorLinks.admin(session.id) }))];
}
