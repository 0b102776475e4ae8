import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { currentActor } from "@/lib/auth/session";
import { AppError, type ServiceResult } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { formToObject } from "@/lib/validation";
import type { FormState } from "./form-state";
import { outageFormState } from "./outage";

type Options = { roles?: readonly Role[]; allowPendingPasswordChange?: boolean };

const SECRET_FIELDS = /password/i;

/** What a refused form shows again: every field but the passwords, each cut to 5,000 characters. */
export function echoValues(input: Record<string, string | string[]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!SECRET_FIELDS.test(key)) values[key] = Array.isArray(value) ? value.join(",") : value.slice(0, 5000);
  }
  return values;
}

/**
 * What a form action says when its second argument is not the form: a hand-made request (the
 * proxy checks only that the body decodes), never a browser. Answered like any refused form.
 */
export function formNotSent<T = undefined>(): FormState<T> {
  logger.warn("form action called without a form");
  return { status: "error", message: "The form was not sent. Reload the page and try again." };
}

/**
 * The one wrapper for form actions: resolves and checks the actor (a page's check does not
 * protect the actions defined in it), hands the raw fields to the service, which validates
 * with its zod schema, and maps the result to what the form shows.
 */
export function formAction<T>(options: Options, run: (actor: Actor, input: Record<string, string | string[]>) => Promise<ServiceResult<T>>) {
  return async (_previous: FormState<T>, formData: FormData): Promise<FormState<T>> => {
    if (!(formData instanceof FormData)) return formNotSent<T>();
    const input = formToObject(formData);
    try {
      const actor = await currentActor();
      if (!actor) return { status: "error", message: "Your session has ended. Sign in again." };
      if (actor.mustChangePassword && !options.allowPendingPasswordChange) return { status: "error", message: "Change your password first." };
      if (options.roles && !options.roles.includes(actor.role)) {
        logger.warn("action refused", { userId: actor.id, role: actor.role, ip: actor.ip });
        return { status: "error", message: "You do not have access to this." };
      }
      const result = await run(actor, input);
      if (result.ok) return { status: "success", data: result.data };
      return { status: "error", message: result.message, fieldErrors: result.fieldErrors, values: echoValues(input) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values: echoValues(input) };
      const outage = outageFormState<T>(error, echoValues(input));
      if (outage) return outage;
      const ref = randomUUID().slice(0, 8);
      logger.error("action failed", { ref, error: error instanceof Error ? error.stack : String(error) });
      return { status: "error", message: `Something went wrong (ref ${ref}). Try again.`, values: echoValues(input) };
    }
  };
}
