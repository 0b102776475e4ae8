import type { AssignmentListQuery } from "@/lib/assignments/schemas";
import { listHref } from "./pagination";

/** The staff assignment list's URL with its filters, sort and page, so none is lost between links. */
export function staffListHref(path: string, query: Partial<AssignmentListQuery>): string {
  return listHref(path, { q: query.q, status: query.status, service: query.service, sort: query.sort, dir: query.sort ? query.dir : undefined, page: query.page });
}
