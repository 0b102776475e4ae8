import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { notificationEmailPreferences, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { emailKindInfo, emailKindsForRole, isEmailKind, type EmailKind } from "./email-kinds";
import { readUnsubscribeToken } from "./email-unsubscribe-token";

export type EmailPreference = { kind: EmailKind; label: string; description: string; enabled: boolean };

/** Whether the person wants this kind by email: on unless they turned it off. */
export async function wantsEmail(db: Executor, userId: string, kind: EmailKind): Promise<boolean> {
  const [row] = await db
    .select({ enabled: notificationEmailPreferences.emailEnabled })
    .from(notificationEmailPreferences)
    .where(and(eq(notificationEmailPreferences.userId, userId), eq(notificationEmailPreferences.kind, kind)));
  return row?.enabled ?? true;
}

/** The kinds the actor's role can receive, each with their current choice, for the profile page. */
export async function listEmailPreferences(db: Executor, actor: Actor): Promise<EmailPreference[]> {
  const kinds = emailKindsForRole(actor.role);
  if (kinds.length === 0) return [];
  const rows = await db
    .select({ kind: notificationEmailPreferences.kind, enabled: notificationEmailPreferences.emailEnabled })
    .from(notificationEmailPreferences)
    .where(and(eq(notificationEmailPreferences.userId, actor.id), inArray(notificationEmailPreferences.kind, kinds)));
  const saved = new Map(rows.map((row) => [row.kind, row.enabled]));
  return kinds.map((kind) => ({ kind, label: emailKindInfo[kind].label, description: emailKindInfo[kind].description, enabled: saved.get(kind) ?? true }));
}

/** Ticked checkboxes arrive as the repeated field `email` (one value per kind kept on); none ticked, none sent. */
const preferencesSchema = z.object({
  email: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string().refine(isEmailKind, "Unknown kind of email")).max(20)),
});

async function saveChoices(db: Executor, userId: string, choices: readonly { kind: EmailKind; enabled: boolean }[]) {
  if (choices.length === 0) return;
  const updatedAt = new Date();
  await db
    .insert(notificationEmailPreferences)
    .values(choices.map((choice) => ({ userId, kind: choice.kind, emailEnabled: choice.enabled, updatedAt })))
    .onConflictDoUpdate({
      target: [notificationEmailPreferences.userId, notificationEmailPreferences.kind],
      set: { emailEnabled: sql`excluded.email_enabled`, updatedAt },
    });
}

/** Saves a choice for every kind the actor's role can receive; a kind another role gets is refused. */
export async function updateEmailPreferences(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ enabled: EmailKind[] }>> {
  requirePermission(actor, "profile:edit-own");
  const parsed = parseInput(preferencesSchema, input);
  const kinds = emailKindsForRole(actor.role);
  if (!parsed.ok || parsed.data.email.some((kind) => !kinds.includes(kind as EmailKind))) {
    return fail("invalid", "Those email choices are not available. Reload the page and try again.");
  }
  const enabled = new Set(parsed.data.email as EmailKind[]);
  await saveChoices(
    db,
    actor.id,
    kinds.map((kind) => ({ kind, enabled: enabled.has(kind) })),
  );
  return ok({ enabled: [...enabled] });
}

export type UnsubscribeTarget = { kind: EmailKind; label: string; email: string };

/** What an unsubscribe link would turn off, or null for a forged, damaged or orphaned link. Changes nothing. */
export async function readUnsubscribeLink(db: Executor, token: unknown): Promise<UnsubscribeTarget | null> {
  const target = readUnsubscribeToken(token);
  if (!target) return null;
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, target.userId));
  if (!user) return null;
  return { kind: target.kind, label: emailKindInfo[target.kind].label, email: user.email };
}

/** The unsubscribe link's POST: the signed token is the authority, no sign-in needed. */
export async function unsubscribeByLink(db: Database, token: unknown): Promise<ServiceResult<UnsubscribeTarget>> {
  const target = await readUnsubscribeLink(db, token);
  const parsed = readUnsubscribeToken(token);
  if (!target || !parsed) return fail("not_found", "This unsubscribe link does not work. Change your email choices on your profile page instead.");
  await saveChoices(db, parsed.userId, [{ kind: parsed.kind, enabled: false }]);
  return ok(target);
}
