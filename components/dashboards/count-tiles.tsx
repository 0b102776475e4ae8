import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";

export type CountTile = {
  /** Ends the test id: dashboard-count-<key>. */
  key: string;
  label: string;
  count: number;
  /** Shown instead of the count when the number is not the point (a balance, a date). */
  display?: string;
  hint?: string;
  href: string;
};

// Two a row on a phone; on a wide screen one row, whatever the role's number of tiles.
const columns: Record<number, string> = { 3: "sm:grid-cols-3", 4: "lg:grid-cols-4", 5: "sm:grid-cols-3 lg:grid-cols-5" };

// A date or a balance is longer than a count: smaller, so it wraps inside a phone's half-width tile.
const sizeFor = (shown: string) => (shown.length > 14 ? "text-base leading-snug" : shown.length > 8 ? "text-xl" : "text-2xl");

/** A row of linked counts at the top of a home page; each opens the list of exactly those rows. */
export function CountTiles({ tiles, label }: { tiles: readonly CountTile[]; label: string }) {
  return (
    <nav aria-label={label} className="mb-6">
      <ul className={cn("grid grid-cols-2 gap-3", columns[tiles.length] ?? "lg:grid-cols-4")} data-testid="dashboard-counts">
        {tiles.map((tile) => {
          const shown = tile.display ?? String(tile.count);
          return (
            <li key={tile.key} className="min-w-0">
              <Link
                href={tile.href}
                data-testid={`dashboard-count-${tile.key}`}
                data-count={tile.count}
                className="group flex h-full flex-col rounded-xl border bg-card p-4 shadow-xs transition-colors hover:border-brand-600/40 hover:bg-brand-50/40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              >
                {/* The name is what the tile shows ("Offers waiting: 2 Accept or decline"), so speech input finds it by its words. */}
                <span className="text-sm text-muted-foreground group-hover:text-foreground">
                  {tile.label}
                  <span className="sr-only">: </span>
                </span>
                <span className={cn("mt-1 font-semibold tracking-tight break-words tabular-nums", sizeFor(shown), tile.count === 0 ? "text-muted-foreground" : "text-foreground")}>{shown}</span>
                {tile.hint ? <span className="mt-1 text-xs text-muted-foreground">{tile.hint}</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function CountTilesSkeleton({ count = 4 }: { count?: number }) {
  return (
    <div className={cn("mb-6 grid grid-cols-2 gap-3", columns[count] ?? "lg:grid-cols-4")} aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} className="h-24 rounded-xl bg-slate-200" />
      ))}
    </div>
  );
}
