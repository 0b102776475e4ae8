import { cache } from "react";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { getAssignmentForActorOrThrow } from "@/lib/assignments/queries";
import { getInvoiceForActorOrThrow } from "@/lib/invoices/queries";
import { AppError } from "@/lib/errors";

// Tab titles that name the object. They load through the same access-checked lib/ queries as the
// pages, with the signed-in actor, so a foreign or unknown id gets the not-found title and leaks
// nothing. `cache` makes the title's read happen once per request.

const NOT_FOUND = "Page not found";

async function titled(fallback: string, load: () => Promise<string>): Promise<string> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) return NOT_FOUND;
    // The page itself reports real failures; a title never should.
    return fallback;
  }
}

/** "ASG-000007 · Pendulum lab report" */
export const assignmentTitle = cache(async (id: string): Promise<string> => {
  const actor = await currentActor();
  if (!actor) return "Assignment";
  return titled("Assignment", async () => {
    const assignment = await getAssignmentForActorOrThrow(getDb(), actor, id);
    return `${assignment.code} · ${assignment.title}`;
  });
});

/** "INV-2026-00012 · Invoice" (a draft has no number yet). */
export const invoiceTitle = cache(async (id: string): Promise<string> => {
  const actor = await currentActor();
  if (!actor) return "Invoice";
  return titled("Invoice", async () => {
    const invoice = await getInvoiceForActorOrThrow(getDb(), actor, id);
    return invoice.number ? `${invoice.number} · Invoice` : "Draft invoice";
  });
});
