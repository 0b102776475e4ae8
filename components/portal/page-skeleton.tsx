import { Skeleton } from "@/components/ui/skeleton";

const statColumns: Record<number, string> = { 3: "sm:grid-cols-3", 4: "sm:grid-cols-4", 5: "sm:grid-cols-3 lg:grid-cols-5" };

/** A page's shape while it loads: a header, then a list, so a click never feels dead. `stats`: a row of count tiles (true: four). */
export function PageSkeleton({ label = "Loading", rows = 5, stats = false }: { label?: string; rows?: number; stats?: boolean | number }) {
  const tiles = stats === true ? 4 : stats || 0;
  return (
    <div role="status" aria-label={label} aria-busy="true" data-testid="page-skeleton">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-2">
          <Skeleton className="h-7 w-48 bg-slate-200" />
          <Skeleton className="h-4 w-72 max-w-[70vw] bg-slate-200" />
        </div>
        <Skeleton className="h-10 w-32 bg-slate-200" />
      </div>
      {tiles > 0 ? (
        <div className={`mb-6 grid grid-cols-2 gap-3 ${statColumns[tiles] ?? "sm:grid-cols-4"}`}>
          {Array.from({ length: tiles }, (_, i) => (
            <Skeleton key={i} className="h-20 rounded-xl bg-slate-200" />
          ))}
        </div>
      ) : null}
      <div className="rounded-xl border bg-card shadow-xs">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b px-4 py-4 last:border-0">
            <div className="min-w-0 flex-1 space-y-2">
              <Skeleton className="h-4 w-2/3 max-w-80" />
              <Skeleton className="h-3 w-1/3 max-w-48" />
            </div>
            <Skeleton className="hidden h-6 w-20 rounded-full sm:block" />
          </div>
        ))}
      </div>
      <span className="sr-only">{label}…</span>
    </div>
  );
}
