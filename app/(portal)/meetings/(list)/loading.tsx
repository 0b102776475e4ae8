import { ListToolbarSkeleton } from "@/components/ui/list-toolbar";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading meetings" aria-busy="true" data-testid="page-skeleton">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-2">
          <Skeleton className="h-7 w-40 bg-slate-200" />
          <Skeleton className="h-4 w-72 max-w-[70vw] bg-slate-200" />
        </div>
        <Skeleton className="h-10 w-44 bg-slate-200" />
      </div>
      <ListToolbarSkeleton tabsWidth="w-48" />
      <div className="space-y-3 rounded-xl border bg-card p-4 shadow-xs sm:p-6">
        <Skeleton className="h-4 w-24" />
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="grid gap-2 py-2 sm:grid-cols-[minmax(0,1fr)_auto]">
            <div className="space-y-2">
              <Skeleton className="h-4 w-1/2 max-w-72" />
              <Skeleton className="h-3 w-1/3 max-w-48" />
              <Skeleton className="h-3 w-2/5 max-w-56" />
            </div>
            <Skeleton className="h-5 w-20 rounded-full" />
          </div>
        ))}
      </div>
      <span className="sr-only">Loading meetings…</span>
    </div>
  );
}
