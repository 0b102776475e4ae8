import type { UserListQuery } from "@/lib/users/schemas";

/** The user list's URL with the filters, sort and page that are set, and nothing else. */
export function usersHref(path: string, query: Partial<UserListQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.role) params.set("role", query.role);
  if (query.status) params.set("status", query.status);
  if (query.sort) params.set("sort", query.sort);
  if (query.sort && query.dir) params.set("dir", query.dir);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
