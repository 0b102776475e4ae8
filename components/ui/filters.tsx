import Link from "next/link";
import { buttonClass } from "./button";

/** "All" and then one option per entry of a label map, for a list's filter select. */
export function LabelOptions({ labels }: { labels: Record<string, string> }) {
  return (
    <>
      <option value="">All</option>
      {Object.entries(labels).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

/** The filter bar's submit button, and a way back to the unfiltered list when filtered. */
export function FilterActions({ clearHref, filtered }: { clearHref: string; filtered: boolean }) {
  return (
    <div className="flex gap-2">
      <button type="submit" className={buttonClass("default")}>
        Search
      </button>
      {filtered ? (
        <Link href={clearHref} className={buttonClass("ghost")}>
          Clear
        </Link>
      ) : null}
    </div>
  );
}
