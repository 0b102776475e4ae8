"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { statusLabel } from "@/components/assignments/labels";
import { Card } from "@/components/ui/card";
import type { AssignmentStatus } from "@/lib/assignments/types";
import { ChartTable } from "./chart-table";

/** How many assignments are in each status, in the workflow's order, with the same figures as a table. */
export function AssignmentsChart({ counts }: { counts: readonly { status: AssignmentStatus; count: number }[] }) {
  const data = counts.map((row) => ({ status: row.status, label: statusLabel[row.status], count: row.count }));
  const total = counts.reduce((n, row) => n + row.count, 0);
  return (
    <Card title="Assignments by status" data-testid="assignments-chart">
      <p className="-mt-2 mb-2 text-sm text-muted-foreground">{total === 0 ? "No assignments yet: requests show here as students send them." : `${total.toLocaleString("en")} in all.`}</p>
      <figure aria-label="Bar chart: assignments by status; the table has the same figures" className="h-64 w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} />
            <YAxis type="category" dataKey="label" tickLine={false} axisLine={false} fontSize={12} width={112} />
            <Tooltip cursor={{ fill: "#eef6ff" }} />
            <Bar dataKey="count" name="Assignments" fill="var(--color-brand-600)" radius={[0, 4, 4, 0]} maxBarSize={22} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <ChartTable testId="assignments-table" caption="Assignments by status" headers={["Status", "Assignments"]} rows={data.map((row) => ({ key: row.status, label: row.label, value: row.count.toLocaleString("en") }))} />
    </Card>
  );
}
