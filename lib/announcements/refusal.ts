import { fail, type AppErrorCode, type FieldErrors, type ServiceResult } from "@/lib/errors";

/** Thrown inside an announcement's transaction to roll it back and answer with this failure. */
export class Refused extends Error {
  constructor(readonly result: ServiceResult<never>) {
    super(result.ok ? "refused" : result.message);
    this.name = "Refused";
  }
}

export function refuse(code: AppErrorCode, message: string, fieldErrors: FieldErrors = {}): never {
  throw new Refused(fail(code, message, fieldErrors));
}

export const announcementNotFound = () => fail("not_found", "Announcement not found");
export const notAllowed = () => fail("forbidden", "Only admins can manage announcements");
export const checkFields = (fieldErrors: FieldErrors) => fail("invalid", "Check the highlighted fields", fieldErrors);

/** Runs a transaction whose refusals come back as failures; anything else is a bug and is thrown. */
export async function refusable<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; result: ServiceResult<never> }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, result: error.result };
    throw error;
  }
}
