import { z } from "zod";
import { roles } from "@/db/schema/auth";

/** What the JWT carries; parsed, never trusted as typed. */
export const sessionClaimsSchema = z.object({
  uid: z.uuid(),
  role: z.enum(roles),
  sv: z.number().int(),
  /** One per sign-in, so signing out can end exactly this session. */
  sid: z.uuid(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;
