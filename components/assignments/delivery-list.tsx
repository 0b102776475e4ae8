import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FileLinks } from "./file-links";
import type { AssignmentDetail } from "@/lib/assignments/types";
import { When } from "./when";

/** Every delivered version, newest first; earlier versions stay readable after a revision. */
export function DeliveryList({ deliveries, timeZone }: { deliveries: AssignmentDetail["deliveries"]; timeZone: string }) {
  return (
    <Card title="Deliveries" id="deliveries" className="scroll-mt-20">
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing delivered yet.</p>
      ) : (
        <ol aria-label="Delivered versions" className="space-y-6" data-testid="deliveries">
          {deliveries.map((delivery) => (
            <li key={delivery.id} data-testid="delivery" className="border-t border-slate-100 pt-4 first:border-t-0 first:pt-0">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="text-sm font-semibold text-slate-900">Version {delivery.version}</h3>
                {delivery.late ? <Badge tone="red">Late</Badge> : null}
              </div>
              <p className="mt-1 text-xs text-slate-500">
                By {delivery.deliveredByName}, <When at={delivery.createdAt} timeZone={timeZone} withZone />
              </p>
              {delivery.examScore || delivery.examOutcome ? (
                <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
                  {delivery.examScore ? (
                    <div>
                      <dt className="text-slate-500">Score</dt>
                      <dd>{delivery.examScore}</dd>
                    </div>
                  ) : null}
                  {delivery.examOutcome ? (
                    <div>
                      <dt className="text-slate-500">Outcome</dt>
                      <dd>{delivery.examOutcome}</dd>
                    </div>
                  ) : null}
                </dl>
              ) : null}
              {delivery.textSolution ? (
                <div className="mt-3">
                  <h4 className="text-sm font-medium text-slate-700">Solution</h4>
                  {/* Kept exactly as written: indentation, code and math read as the teacher typed them. */}
                  <pre tabIndex={0} className="mt-1 max-h-[32rem] overflow-auto whitespace-pre rounded-md bg-slate-50 p-3 font-mono text-sm ring-1 ring-slate-200">
                    {delivery.textSolution}
                  </pre>
                </div>
              ) : null}
              {delivery.notes ? (
                <div className="mt-3">
                  <h4 className="text-sm font-medium text-slate-700">Notes</h4>
                  <p className="mt-1 whitespace-pre-wrap text-sm">{delivery.notes}</p>
                </div>
              ) : null}
              <div className="mt-3">
                <FileLinks files={delivery.files} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
