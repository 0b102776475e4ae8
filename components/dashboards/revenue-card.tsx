import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatMoney } from "@/lib/money/money";

/** The change from last month in whole percent, or null when last month had nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous <= 0) return null;
  return Math.round(((current - previous) / previous) * 100);
}

function changeWords(current: number, previous: number): { text: string; tone: "up" | "down" | "flat" } {
  const change = percentChange(current, previous);
  if (change === null) return { text: current > 0 ? "Nothing last month to compare with" : "No revenue last month either", tone: "flat" };
  if (change === 0) return { text: "Same as last month", tone: "flat" };
  return change > 0 ? { text: `Up ${change}% on last month`, tone: "up" } : { text: `Down ${Math.abs(change)}% on last month`, tone: "down" };
}

/** This month's revenue against last month's, in the platform's default currency. */
export function RevenueCard({ thisMonth, lastMonth, currency }: { thisMonth: number; lastMonth: number; currency: string }) {
  const change = changeWords(thisMonth, lastMonth);
  return (
    <Card title="Revenue this month" data-testid="revenue-card">
      <dl className="grid grid-cols-2 gap-4">
        <div>
          <dt className="text-sm text-muted-foreground">This month</dt>
          <dd className="mt-1 text-xl font-semibold tracking-tight break-words tabular-nums sm:text-2xl" data-testid="revenue-this-month">
            {formatMoney(thisMonth, currency)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted-foreground">Last month</dt>
          <dd className="mt-1 text-xl font-semibold tracking-tight break-words text-muted-foreground tabular-nums sm:text-2xl" data-testid="revenue-last-month">
            {formatMoney(lastMonth, currency)}
          </dd>
        </div>
      </dl>
      <p className={cn("text-sm font-medium", change.tone === "up" ? "text-emerald-700" : change.tone === "down" ? "text-red-700" : "text-muted-foreground")} data-testid="revenue-change">
        {change.text}
      </p>
      <p className="text-xs text-muted-foreground">Payments received minus refunds, {currency} only (invoices in other currencies are not counted here).</p>
    </Card>
  );
}
