import type { Role } from "./roles";

/** The signed-in user as every service and policy sees them. */
export type Actor = {
  id: string;
  role: Role;
  email: string;
  name: string;
  mustChangePassword: boolean;
  ip?: string;
};
