"use client";

import { numberFormat } from "@/lib/intl/formatters";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";
import type { MonthRevenue } from "@/lib/dashboards/revenue";
import { formatMoney, toDecimalString } from "@/lib/money/money";
import { ChartTable } from "./chart-table";
import { monthLabel } from "./month-label";

type Point = { month: string; label: string; minor: number; amount: number };

/** Twelve months of net revenue (oldest first) as bars, with the same figures as a table. */
export function RevenueChart({ months, currency, timeZone }: { months: readonly MonthRevenue[]; currency: string; timeZone: string }) {
  // Only the drawing goes through floating point; every figure shown is formatted from minor units.
  const data: Point[] = months.map((m) => ({ month: m.month, label: monthLabel(m.month), minor: m.minor, amount: Number(toDecimalString(m.minor, currency)) }));
  const compact = numberFormat("en-US", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  const empty = months.every((m) => m.minor === 0);
  return (
    <Card title="Revenue, last 12 months" data-testid="revenue-chart">
      <p className="-mt-2 mb-2 text-sm text-muted-foreground">
        Payments received minus refunds, in {currency}, by calendar month in your time zone ({timeZone}).
      </p>
      {empty ? <p className="mb-2 text-sm text-muted-foreground">No payments in these 12 months yet: the bars stay at zero until the first one arrives.</p> : null}
      <figure aria-label={`Bar chart: revenue by month in ${currency}; the table has the same figures`} className="h-64 w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} interval="preserveStartEnd" minTickGap={8} />
            <YAxis tickLine={false} axisLine={false} fontSize={12} width={56} tickFormatter={(value: number) => compact.format(value)} />
            <Tooltip cursor={{ fill: "#eef6ff" }} formatter={(_value, _name, item) => [formatMoney((item.payload as Point).minor, currency), "Revenue"]} />
            <Bar dataKey="amount" name="Revenue" fill="var(--color-brand-600)" radius={[4, 4, 0, 0]} maxBarSize={40} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <ChartTable
        testId="revenue-table"
        caption={`Revenue by month (${currency})`}
        headers={["Month", `Revenue (${currency})`]}
        rows={data.map((point) => ({ key: point.month, label: monthLabel(point.month, "long"), value: formatMoney(point.minor, currency) }))}
      />
    </Card>
  );
}
