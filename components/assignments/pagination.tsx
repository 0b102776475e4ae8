import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Previous / next links; `href` builds a page's URL with the current filters. */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1 && page <= 1) return null;
  const off = buttonClass("secondary", "pointer-events-none opacity-50");
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pageCount))} className={buttonClass("secondary")} rel="prev">
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>Previous</span>
      )}
      <span className="text-slate-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={buttonClass("secondary")} rel="next">
          Next
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>Next</span>
      )}
    </nav>
  );
}

/** A list URL keeping only the filters that are set, and the page when past the first. */
export function listHref(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "" && !(key === "page" && value === 1)) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Search params with each repeated key reduced to its first value, ready for a zod schema. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}
