import type { ReactNode } from "react";

type Props = { caption: string; headers: [string, string]; rows: readonly { key: string; label: string; value: ReactNode }[]; testId: string };

/**
 * The chart's numbers as a table, behind a visible "Show as table" toggle (a native <details>, so
 * it is reached and opened with the keyboard and read by screen readers without the chart).
 */
export function ChartTable({ caption, headers, rows, testId }: Props) {
  return (
    <details className="group mt-3 text-sm" data-testid={testId}>
      <summary className="cursor-pointer rounded-md text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
        <span className="group-open:hidden">Show as table</span>
        <span className="hidden group-open:inline">Hide the table</span>
      </summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b text-left text-muted-foreground">
              <th scope="col" className="py-1.5 pr-4 font-medium">
                {headers[0]}
              </th>
              <th scope="col" className="py-1.5 text-right font-medium">
                {headers[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-b last:border-0">
                <th scope="row" className="py-1.5 pr-4 text-left font-normal">
                  {row.label}
                </th>
                <td className="py-1.5 text-right tabular-nums">{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
