import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { NotificationItem } from "@/lib/notifications/types";
import { formatRelative } from "@/lib/time/format";

type Props = { item: NotificationItem; now: Date; onNavigate?: () => void; testId?: string; compact?: boolean };

/**
 * One notification as a link that opens it (marks it read, then follows it). A plain <a>, not
 * next/link: a prefetch of the open route would mark it read before anyone clicked.
 */
export function NotificationRow({ item, now, onNavigate, testId, compact = false }: Props) {
  return (
    <a
      href={item.href}
      onClick={onNavigate}
      data-testid={testId}
      data-unread={item.unread ? "true" : "false"}
      data-resolved={item.resolved ? "true" : "false"}
      className={cn(
        "group flex min-w-0 flex-1 gap-3 px-4 py-3 outline-none hover:bg-accent focus-visible:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset",
        item.unread && "bg-brand-50",
      )}
    >
      <span aria-hidden="true" className={cn("mt-1.5 size-2 shrink-0 rounded-full", item.unread ? "bg-brand-600" : "bg-transparent")} />
      <span className="min-w-0 flex-1">
        <span className={cn("block text-sm break-words text-foreground", item.unread ? "font-semibold" : "font-medium", !compact && "group-hover:underline group-hover:underline-offset-2")}>
          {item.unread ? <span className="sr-only">Unread: </span> : null}
          {item.title}
        </span>
        {item.body ? <span className={cn("mt-0.5 block text-sm break-words text-slate-700", compact && "line-clamp-2")}>{item.body}</span> : null}
        <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          <time dateTime={item.createdAt} title={item.createdAtLabel}>
            {formatRelative(new Date(item.createdAt), now)}
          </time>
          {item.resolved ? <Badge tone="green">Done</Badge> : null}
        </span>
      </span>
    </a>
  );
}
