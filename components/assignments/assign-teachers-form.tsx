"use client";

import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { AssignmentRef } from "./assignment-ref";
import { useAssignmentAction, type FormAction } from "./use-assignment-action";

export type PickerTeacher = { id: string; name: string; subjects: string[]; openWorkload: number };

type Props<T> = { action: FormAction<T>; assignmentId: string; version: number; teachers: PickerTeacher[]; primaryId?: string; helperIds: string[] };

/** "Priya Raman — Calculus, Statistics — 2 open": enough to choose without leaving the page. */
function describe(teacher: PickerTeacher): string {
  return [teacher.subjects.join(", "), `${teacher.openWorkload} open`].filter(Boolean).join(" — ");
}

/**
 * The primary teacher and helpers, least loaded first. Current helpers stay checked: the service
 * only adds helpers here, and each one's Remove button takes them off.
 */
export function AssignTeachersForm<T>({ action, assignmentId, version, teachers, primaryId, helperIds }: Props<T>) {
  const [state, formAction] = useAssignmentAction(action, "Teachers saved");
  const errors = state.fieldErrors ?? {};
  const refused = state.status === "error" ? state.values : undefined;
  const primary = refused ? (refused.primaryTeacherId ?? "") : (primaryId ?? "");
  const helpers = new Set(refused ? (refused.helperIds ?? "").split(",") : helperIds);
  return (
    <form key={version} action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <AssignmentRef id={assignmentId} version={version} />
      {/* Keyed: React applies a select's defaultValue only on mount, and resets the form after a refusal. */}
      <SelectField key={primary} label="Primary teacher" name="primaryTeacherId" defaultValue={primary} errors={errors.primaryTeacherId}>
        <option value="">None</option>
        {teachers.map((teacher) => (
          <option key={teacher.id} value={teacher.id}>
            {`${teacher.name} — ${describe(teacher)}`}
          </option>
        ))}
      </SelectField>
      <fieldset aria-describedby={errors.helperIds?.length ? "helper-errors" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Helpers</legend>
        {teachers.length === 0 ? <p className="mt-1 text-sm text-slate-600">No active teachers.</p> : null}
        <ul className="mt-1 max-h-64 space-y-1 overflow-y-auto rounded-md p-1 ring-1 ring-slate-200">
          {teachers.map((teacher) => (
            <li key={teacher.id} className="flex flex-wrap items-center gap-x-2 rounded px-2 py-1.5 hover:bg-slate-50">
              {/* The name alone is the label; subjects and workload describe it. */}
              <input
                id={`helper-${teacher.id}`}
                type="checkbox"
                name="helperIds"
                value={teacher.id}
                defaultChecked={helpers.has(teacher.id)}
                aria-describedby={`helper-${teacher.id}-about`}
                className="h-4 w-4"
              />
              <label htmlFor={`helper-${teacher.id}`} className="text-sm">
                {teacher.name}
              </label>
              <span id={`helper-${teacher.id}-about`} className="text-xs text-slate-500">
                {describe(teacher)}
              </span>
            </li>
          ))}
        </ul>
        {errors.helperIds?.length ? (
          <p id="helper-errors" className="mt-1 text-sm text-red-700">
            {errors.helperIds.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pendingText="Saving…">Save teachers</SubmitButton>
    </form>
  );
}

/** One button per live helper; removal takes effect at once, so no confirmation step. */
export function RemoveHelperButtons<T>({ action, assignmentId, version, helpers }: { action: FormAction<T>; assignmentId: string; version: number; helpers: { teacherId: string; name: string }[] }) {
  const [state, formAction] = useAssignmentAction(action, "Helper removed");
  if (helpers.length === 0) return null;
  return (
    <div className="space-y-2">
      <FormMessage state={state} />
      <ul className="flex flex-wrap gap-2">
        {helpers.map((helper) => (
          <li key={helper.teacherId}>
            <form action={formAction}>
              <AssignmentRef id={assignmentId} version={version} />
              <input type="hidden" name="teacherId" value={helper.teacherId} />
              <SubmitButton variant="secondary" pendingText="Removing…">{`Remove ${helper.name}`}</SubmitButton>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
