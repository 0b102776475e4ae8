import { z } from "zod";
import { roles } from "@/db/schema";
import { staffRoles } from "@/lib/auth/roles";
import { emailSchema, optionalText, personNameSchema } from "@/lib/validation";

export const createStaffSchema = z.object({
  fullName: personNameSchema,
  email: emailSchema,
  role: z.enum(staffRoles, { error: "Choose a role: teacher, CS rep or admin" }),
  title: optionalText(80, "Title"),
});

export const userIdSchema = z.object({ userId: z.uuid({ error: "Unknown user" }) });

export const USERS_PAGE_SIZE = 25;
// Bounded offset: deep pages cost a scan, so the list stops where nobody pages by hand.
export const USERS_MAX_PAGE = 400;

/** The columns the user list sorts by on the server (the URL's `sort`), each with its direction in `dir`. */
export const userSortColumns = ["name", "publicId", "email", "role", "status", "lastSignIn", "created"] as const;
export type UserSortColumn = (typeof userSortColumns)[number];

export const userListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  status: z.enum(["active", "blocked"]).optional().catch(undefined),
  sort: z.enum(userSortColumns).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(USERS_MAX_PAGE).optional().catch(undefined).transform((page) => page ?? 1),
});

export type UserListQuery = z.infer<typeof userListQuerySchema>;
