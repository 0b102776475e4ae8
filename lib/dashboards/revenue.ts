import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

export type MonthRevenue = { /** YYYY-MM, in the viewer's time zone. */ month: string; minor: number };

/** Payments whose money arrived (a disputed one too: it was captured, only not yet matched to its invoice). */
export const capturedPaymentStatuses = ["succeeded", "partially_refunded", "refunded", "disputed"] as const;

/**
 * Net revenue per calendar month in `timeZone`, for the 12 months ending with the one `now` falls
 * in (oldest first, months without money as 0), in one currency. Cash basis: a payment counts in
 * the month it was captured (paid_at), a refund is subtracted in the month it was confirmed
 * (confirmed_at), whichever month the payment was in; pending and failed refunds subtract nothing.
 */
export async function revenueByMonth(db: Executor, timeZone: string, currency: string, now: Date): Promise<MonthRevenue[]> {
  const captured = sql.join(
    capturedPaymentStatuses.map((status) => sql`${status}::payment_status`),
    sql`, `,
  );
  const result = await db.execute<{ month: string; net: string }>(sql`
    with bounds as (
      select date_trunc('month', ${now.toISOString()}::timestamptz at time zone ${timeZone}) - interval '11 months' as first_month,
             date_trunc('month', ${now.toISOString()}::timestamptz at time zone ${timeZone}) + interval '1 month' as after_month
    ),
    moves as (
      select p.paid_at as at, p.amount_minor as amount
      from payments p, bounds b
      where p.status in (${captured}) and p.currency = ${currency}
        and p.paid_at >= b.first_month at time zone ${timeZone} and p.paid_at < b.after_month at time zone ${timeZone}
      union all
      select r.confirmed_at, -r.amount_minor
      from refunds r, bounds b
      where r.status = 'succeeded' and r.currency = ${currency}
        and r.confirmed_at >= b.first_month at time zone ${timeZone} and r.confirmed_at < b.after_month at time zone ${timeZone}
    )
    select to_char(m.month, 'YYYY-MM') as month, coalesce(sum(moves.amount), 0)::bigint::text as net
    from bounds b
    cross join lateral generate_series(b.first_month, b.after_month - interval '1 month', interval '1 month') as m(month)
    left join moves on date_trunc('month', moves.at at time zone ${timeZone}) = m.month
    group by m.month
    order by m.month`);
  return result.rows.map((row) => ({ month: row.month, minor: Number(row.net) }));
}
