// Shared by the visitor chat tests; not imported by the app.
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { must } from "@/test/assignment-fixtures";
import { startVisitorSession, type StartContext } from "./start-session";
import type { WidgetAvailability } from "./types";

export const online: WidgetAvailability = { online: true, withinHours: true, awayMessage: "Away", requireEmail: false };
export const offline: WidgetAvailability = { online: false, withinHours: false, awayMessage: "Away", requireEmail: false };

let nextIp = 1;
/** A fresh address per visitor, so the per-IP session limit only bites where a test means it to. */
export const freshIp = () => `198.51.100.${nextIp++ % 250}-${randomUUID().slice(0, 8)}`;

export const startForm = (overrides: Record<string, unknown> = {}) => ({
  name: "Vera Visitor",
  question: "Do you help with statistics homework?",
  clientMessageId: randomUUID(),
  pageUrl: "https://www.example.org/pricing",
  referrer: "https://search.example/?q=homework",
  timeZone: "Europe/London",
  ...overrides,
});

/** A visitor who started a conversation while someone was online. */
export async function startVisitor(db: Database, overrides: Record<string, unknown> = {}, context: Partial<StartContext> = {}) {
  return must(await startVisitorSession(db, startForm(overrides), { ip: freshIp(), userAgent: "Mozilla/5.0 (test)", availability: online, ...context }));
}
