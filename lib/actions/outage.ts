import { unstable_rethrow } from "next/navigation";
import { DATABASE_UNAVAILABLE_MESSAGE, databaseErrorSummary, isDatabaseUnavailable } from "@/lib/db-availability";
import { logger } from "@/lib/log/logger";
import type { FormState } from "./form-state";

/** What a form shows when `error` means PostgreSQL cannot be reached right now; undefined for any other error. */
export function outageFormState<T>(error: unknown, values: Record<string, string>): FormState<T> | undefined {
  if (!isDatabaseUnavailable(error)) return undefined;
  logger.warn("database unavailable", { error: databaseErrorSummary(error) });
  return { status: "error", message: DATABASE_UNAVAILABLE_MESSAGE, values };
}

/**
 * For the form actions that cannot use formAction (signing up and the forced password change sign
 * the person in and redirect): while PostgreSQL is unreachable the form says so, keeping what was
 * typed, instead of the error page. Next's redirects pass through; any other error is still thrown.
 */
export async function withOutageMessage<T>(values: Record<string, string>, work: () => Promise<FormState<T>>): Promise<FormState<T>> {
  try {
    return await work();
  } catch (error) {
    unstable_rethrow(error);
    const outage = outageFormState<T>(error, values);
    if (!outage) throw error;
    return outage;
  }
}
