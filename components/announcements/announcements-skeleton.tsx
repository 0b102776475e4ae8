import { Skeleton } from "@/components/ui/skeleton";

export function AnnouncementsSkeleton() {
  return (
    <div role="status" aria-label="Loading announcements" aria-busy="true" data-testid="page-skeleton">
      <div className="mb-6 space-y-2">
        <Skeleton className="h-7 w-48 bg-slate-200" />
        <Skeleton className="h-4 w-80 max-w-[70vw] bg-slate-200" />
      </div>
      <Skeleton className="mb-4 h-10 w-full bg-slate-200 md:w-72" />
      <div className="grid gap-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="space-y-2 rounded-lg border bg-card p-4">
            <Skeleton className="h-5 w-1/2 max-w-80" />
            <Skeleton className="h-3 w-40" />
            <Skeleton className="h-3 w-full" />
            <Skeleton className="h-3 w-4/5" />
          </div>
        ))}
      </div>
      <span className="sr-only">Loading announcements…</span>
    </div>
  );
}
