import { ListToolbarSkeleton } from "@/components/ui/list-toolbar";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading messages" aria-busy="true" data-testid="page-skeleton">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-2">
          <Skeleton className="h-7 w-40 bg-slate-200" />
          <Skeleton className="h-4 w-72 max-w-[70vw] bg-slate-200" />
        </div>
        <Skeleton className="h-10 w-36 bg-slate-200" />
      </div>
      <ListToolbarSkeleton tabsWidth="w-80" />
      <div className="divide-y rounded-xl border bg-card shadow-xs">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex gap-3 px-4 py-3">
            <Skeleton className="size-9 shrink-0 rounded-full" />
            <div className="min-w-0 flex-1 space-y-2">
              <div className="flex justify-between gap-4">
                <Skeleton className="h-4 w-1/2 max-w-72" />
                <Skeleton className="h-3 w-10" />
              </div>
              <Skeleton className="h-3 w-1/4 max-w-40" />
              <Skeleton className="h-3 w-3/4 max-w-md" />
            </div>
          </div>
        ))}
      </div>
      <span className="sr-only">Loading messages…</span>
    </div>
  );
}
