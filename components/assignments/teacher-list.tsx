import { Card } from "@/components/ui/card";

type TeacherRow = { name: string; role: "primary" | "helper"; status: "pending" | "accepted" | "declined" | "removed"; declineReason?: string | null };

const live = (row: TeacherRow) => row.status === "pending" || row.status === "accepted";

/**
 * The teachers on the assignment now; staff also get every past offer (declined, removed) with
 * its reason, which the detail query gives to staff only.
 */
export function TeacherList({ teachers }: { teachers: TeacherRow[] }) {
  const current = teachers.filter(live).sort((a, b) => (a.role === b.role ? 0 : a.role === "primary" ? -1 : 1));
  const past = teachers.filter((row) => !live(row));
  return (
    <Card title="Teachers">
      {current.length === 0 ? (
        <p className="text-sm text-slate-600">No teacher yet.</p>
      ) : (
        <ul aria-label="Assigned teachers" className="space-y-1 text-sm" data-testid="assigned-teachers">
          {current.map((row, index) => (
            <li key={index}>
              <span className="font-medium">{row.name}</span> ({row.role})
              {row.status === "pending" ? <span className="text-slate-500"> · offer pending</span> : null}
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 ? (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-700">Earlier offers</h3>
          <ul aria-label="Earlier offers" className="mt-1 space-y-1 text-sm text-slate-600">
            {past.map((row, index) => (
              <li key={index}>
                {row.name}, {row.role}: {row.status === "declined" ? "declined" : "removed"}
                {row.declineReason ? <span className="whitespace-pre-wrap"> — “{row.declineReason}”</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
