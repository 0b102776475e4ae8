import { ListToolbarSkeleton } from "@/components/ui/list-toolbar";
import { Skeleton } from "@/components/ui/skeleton";

/** The visitor queue while it loads, for the CS rep and admin areas alike. */
export function VisitorQueueLoading() {
  return (
    <div role="status" aria-label="Loading visitors" aria-busy="true" data-testid="page-skeleton">
      <div className="mb-6 space-y-2">
        <Skeleton className="h-7 w-32 bg-slate-200" />
        <Skeleton className="h-4 w-96 max-w-[80vw] bg-slate-200" />
      </div>
      <ListToolbarSkeleton tabsWidth="w-72" />
      <div className="divide-y rounded-xl border bg-card shadow-xs">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex gap-3 px-4 py-3">
            <Skeleton className="size-9 shrink-0 rounded-full" />
            <div className="min-w-0 flex-1 space-y-2">
              <div className="flex justify-between gap-4">
                <Skeleton className="h-4 w-1/3 max-w-56" />
                <Skeleton className="h-4 w-24" />
              </div>
              <Skeleton className="h-3 w-1/2 max-w-72" />
              <Skeleton className="h-3 w-3/4 max-w-md" />
            </div>
          </div>
        ))}
      </div>
      <span className="sr-only">Loading visitors…</span>
    </div>
  );
}
