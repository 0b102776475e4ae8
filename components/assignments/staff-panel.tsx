import { Card } from "@/components/ui/card";
import type { AssignmentStatus, TeacherAssignment } from "@/db/schema";
import { timeZoneOptions } from "@/lib/time-zones";
import { AssignTeachersForm, RemoveHelperButtons, type PickerTeacher } from "./assign-teachers-form";
import { CancelForm } from "./cancel-form";
import { ExtendDueDateForm } from "./extend-due-date-form";
import type { AssignmentDetail } from "./load-detail";
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
type StaffTeacher = TeacherAssignment & { name: string; publicId: string };
const isLiveStaffRow = (row: AssignmentDetail["teachers"][number]): row is StaffTeacher =>
  "teacherId" in row && typeof row.teacherId === "string" && (row.status === "pending" || row.status === "accepted");

type Props = { detail: AssignmentDetail; actions: StaffActions; teachers: PickerTeacher[]; timeZone: string };

/** Only the forms the assignment's state allows, as available-actions decides for staff. */
export function StaffPanel({ detail, actions, teachers, timeZone }: Props) {
  const { assignment } = detail;
  const can = (action: AssignmentDetail["actions"][number]) => detail.actions.includes(action);
  const ref = { assignmentId: assignment.id, version: assignment.version };
  const live = detail.teachers.filter(isLiveStaffRow);
  const primary = live.find((row) => row.role === "primary");
  const helpers = live.filter((row) => row.role === "helper");
  if (!can("assign_teachers") && !can("remove_helper") && !can("extend_due_date") && !can("cancel")) return null;
  return (
    <>
      {can("assign_teachers") || can("remove_helper") ? (
        <Card title="Assign teachers">
          <div className="space-y-4">
            {can("assign_teachers") ? (
              <AssignTeachersForm action={actions.assignTeachers} {...ref} teachers={teachers} primaryId={primary?.teacherId} helperIds={helpers.map((row) => row.teacherId)} />
            ) : null}
            {can("remove_helper") ? (
              <div className={can("assign_teachers") ? "border-t border-slate-100 pt-4" : undefined}>
                <h3 className="mb-2 text-sm font-semibold text-slate-700">Current helpers</h3>
                <RemoveHelperButtons action={actions.removeHelper} {...ref} helpers={helpers.map((row) => ({ teacherId: row.teacherId, name: row.name }))} />
              </div>
            ) : null}
          </div>
        </Card>
      ) : null}
      {can("extend_due_date") ? (
        <Card title="Extend due date">
          <ExtendDueDateForm
            action={actions.extendDueDate}
            {...ref}
            currentDue={toLocalInput(assignment.dueAt, timeZone)}
            timeZone={timeZone}
            timeZones={timeZoneOptions(timeZone)}
          />
        </Card>
      ) : null}
      {can("cancel") ? (
        <Card title="Cancel">
          <CancelForm
            action={actions.cancel}
            {...ref}
            trigger="Cancel assignment"
            description={`${assignment.code} will be closed for the student and every teacher on it. This cannot be undone.`}
            withNote
          />
        </Card>
      ) : null}
    </>
  );
}
