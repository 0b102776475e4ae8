import { AssignmentInvoices } from "@/components/invoices/assignment-invoices";
import { CreateInvoiceLink } from "@/components/invoices/create-invoice-link";
import { Card } from "@/components/ui/card";
import type { StaffTeacherRow } from "@/lib/assignments/detail-queries";
import type { PickerTeacher, StaffAssignmentDetail } from "@/lib/assignments/staff-assignment-page";
import type { AssignmentStatus } from "@/lib/assignments/types";
import type { AssignmentInvoice } from "@/lib/invoices/types";
import { formatDateTime } from "@/lib/time/format";
import { timeZoneOptions } from "@/lib/time-zones";
import { AssignTeachersForm, RemoveHelperButtons } from "./assign-teachers-form";
import { CancelForm } from "./cancel-form";
import { ExtendDueDateForm } from "./extend-due-date-form";
import type { FormAction } from "./use-assignment-action";
import { toLocalInput } from "./when";

type Moved = { version: number; status: AssignmentStatus };

/** The staff area's server actions; CS reps and admins each bind their own, checked for their role. */
export type StaffActions = {
  assignTeachers: FormAction<Moved>;
  removeHelper: FormAction<{ version: number }>;
  extendDueDate: FormAction<{ version: number; dueAt: Date }>;
  cancel: FormAction<Moved>;
};

// Staff get whole teacher rows; the detail's type keeps only what every role gets (name, role, status).
const isLiveStaffRow = (row: StaffAssignmentDetail["teachers"][number]): row is StaffTeacherRow =>
  "teacherId" in row && typeof row.teacherId === "string" && (row.status === "pending" || row.status === "accepted");

type Props = { base: "/support" | "/admin"; detail: StaffAssignmentDetail; actions: StaffActions; teachers: PickerTeacher[]; invoices: AssignmentInvoice[]; timeZone: string };

/**
 * What staff do on an assignment, placed first on a phone: invoicing, the due date and
 * cancelling in one short card, then the teacher picker. Only what available-actions allows.
 */
export function StaffPanel({ base, detail, actions, teachers, invoices, timeZone }: Props) {
  const { assignment } = detail;
  const can = (action: StaffAssignmentDetail["actions"][number]) => detail.actions.includes(action);
  const ref = { assignmentId: assignment.id, version: assignment.version };
  const live = detail.teachers.filter(isLiveStaffRow);
  const primary = live.find((row) => row.role === "primary");
  const helpers = live.filter((row) => row.role === "helper");
  const cancelled = assignment.status === "cancelled";
  return (
    <>
      <Card title="Actions" data-testid="staff-actions">
        <div className="space-y-4">
          {!cancelled || can("extend_due_date") || can("cancel") ? (
            <div className="flex flex-wrap gap-2">
              {!cancelled ? <CreateInvoiceLink assignmentId={assignment.id} base={base} variant="default" /> : null}
              {can("extend_due_date") ? (
                <ExtendDueDateForm
                  action={actions.extendDueDate}
                  {...ref}
                  currentDue={toLocalInput(assignment.dueAt, timeZone)}
                  currentDueText={formatDateTime(assignment.dueAt, timeZone)}
                  timeZone={timeZone}
                  timeZones={timeZoneOptions(timeZone)}
                />
              ) : null}
              {can("cancel") ? (
                <CancelForm
                  action={actions.cancel}
                  {...ref}
                  trigger="Cancel assignment"
                  title={`Cancel ${assignment.code}?`}
                  description={`${assignment.code} will be closed for the student and every teacher on it. This cannot be undone.`}
                  confirmLabel={`Cancel ${assignment.code}`}
                  cancelLabel="Keep assignment"
                  withNote
                />
              ) : null}
            </div>
          ) : null}
          <div className="border-t border-slate-100 pt-3">
            <h3 className="text-sm font-semibold text-slate-700">Invoices</h3>
            <AssignmentInvoices invoices={invoices} invoicesPath={`${base}/invoices`} />
          </div>
        </div>
      </Card>
      {can("assign_teachers") || can("remove_helper") ? (
        <Card title="Assign teachers">
          <div className="space-y-4">
            {can("assign_teachers") ? (
              // Keyed on the version: after a save the pickers start again from what the assignment now has.
              <AssignTeachersForm key={assignment.version} action={actions.assignTeachers} {...ref} teachers={teachers} primaryId={primary?.teacherId} helperIds={helpers.map((row) => row.teacherId)} />
            ) : null}
            {can("remove_helper") && helpers.length > 0 ? (
              <div className={can("assign_teachers") ? "border-t border-slate-100 pt-4" : undefined}>
                <h3 className="mb-2 text-sm font-semibold text-slate-700">Current helpers</h3>
                <RemoveHelperButtons action={actions.removeHelper} {...ref} helpers={helpers.map((row) => ({ teacherId: row.teacherId, name: row.name }))} />
              </div>
            ) : null}
          </div>
        </Card>
      ) : null}
    </>
  );
}
