import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { revenueSlots } from "@/db/schema";

export type MonthRevenue = { /** YYYY-MM, in the viewer's time zone. */ month: string; minor: number };

/**
 * Net revenue per calendar month in `timeZone`, for the 12 months ending with the one `now` falls
 * in (oldest first, months without money as 0), in one currency. Cash basis: a payment counts in
 * the month it was captured (paid_at), a refund is subtracted in the month it was confirmed
 * (confirmed_at), whichever month the payment was in; pending and failed refunds subtract nothing.
 * Captured means succeeded, partially refunded, refunded or disputed (a disputed one's money arrived,
 * only not yet matched to its invoice): payment_revenue() and refund_revenue() in migration 0027.
 */
export async function revenueByMonth(db: Executor, timeZone: string, currency: string, now: Date): Promise<MonthRevenue[]> {
  // From the running totals (revenue_slots: net money per 15-minute slot, kept by triggers on
  // payments and refunds with the rules above): a month in any zone is a whole run of slots, so a
  // year reads at most 35,000 small rows however many payments there are.
  const result = await db.execute<{ month: string; net: string }>(sql`
    with bounds as (
      select date_trunc('month', ${now.toISOString()}::timestamptz at time zone ${timeZone}) - interval '11 months' as first_month
    ),
    months as (
      select m.month, m.month at time zone ${timeZone} as starts, (m.month + interval '1 month') at time zone ${timeZone} as ends
      from bounds b cross join lateral generate_series(b.first_month, b.first_month + interval '11 months', interval '1 month') as m(month)
    )
    -- One index range of the (currency, slot) key per month.
    select to_char(months.month, 'YYYY-MM') as month,
           coalesce((select sum(s.net_minor) from ${revenueSlots} s where s.currency = ${currency} and s.slot >= months.starts and s.slot < months.ends), 0)::bigint::text as net
    from months
    order by months.month`);
  return result.rows.map((row) => ({ month: row.month, minor: Number(row.net) }));
}
