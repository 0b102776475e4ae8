"use client";

import { useState } from "react";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { PickerTeacher } from "@/lib/assignments/staff-assignment-page";
import { AssignmentRef } from "./assignment-ref";
import { useAssignmentAction, type FormAction } from "./use-assignment-action";

export type { PickerTeacher };

type Props<T> = { action: FormAction<T>; assignmentId: string; version: number; teachers: PickerTeacher[]; primaryId?: string; helperIds: string[] };

/** "TCH-000004 · Calculus, Statistics · 2 open assignments": enough to choose (and tell namesakes apart) without leaving the page. */
function describe(teacher: PickerTeacher): string {
  const load = teacher.openWorkload === 1 ? "1 open assignment" : `${teacher.openWorkload} open assignments`;
  return [teacher.publicId, teacher.subjects.join(", "), load].filter(Boolean).join(" · ");
}

const option = (teacher: PickerTeacher): ComboboxOption => ({ value: teacher.id, label: teacher.name, description: describe(teacher) });

/**
 * The primary teacher and helpers to add, searchable, least loaded first. The helper list leaves
 * out the primary (as chosen right now) and the current helpers, whom their Remove buttons take off.
 */
export function AssignTeachersForm<T>({ action, assignmentId, version, teachers, primaryId, helperIds }: Props<T>) {
  const [state, formAction] = useAssignmentAction(action, "Teachers saved");
  const errors = state.fieldErrors ?? {};
  const refused = state.status === "error" ? state.values : undefined;
  const [primary, setPrimary] = useState<string | null>(refused?.primaryTeacherId || primaryId || null);
  const [added, setAdded] = useState<string[]>(refused?.helperIds ? refused.helperIds.split(",").filter((id) => !helperIds.includes(id)) : []);
  const current = new Set(helperIds);
  const helperOptions = teachers.filter((teacher) => teacher.id !== primary && !current.has(teacher.id)).map(option);
  const choosePrimary = (next: string | null) => {
    setPrimary(next);
    // The primary cannot also be a helper.
    setAdded((list) => list.filter((id) => id !== next));
  };
  return (
    <form key={version} action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <AssignmentRef id={assignmentId} version={version} />
      {teachers.length === 0 ? <p className="text-sm text-slate-600">No active teachers.</p> : null}
      <Combobox label="Primary teacher" name="primaryTeacherId" options={teachers.map(option)} value={primary} onValueChange={choosePrimary} placeholder="Choose a teacher…" searchPlaceholder="Search by name or subject…" emptyText="No teacher matches." errors={errors.primaryTeacherId} />
      <Combobox
        multiple
        label="Add helpers"
        name="helperIds"
        options={helperOptions}
        value={added}
        onValueChange={setAdded}
        placeholder="Optional: choose helpers…"
        searchPlaceholder="Search by name or subject…"
        emptyText="No other teacher matches."
        hint="Helpers work with the primary teacher; they hear of it once the primary accepts."
        errors={errors.helperIds}
      />
      <SubmitButton pendingText="Saving…">Save teachers</SubmitButton>
    </form>
  );
}

/** One Remove per live helper, each asking first: the helper loses the assignment at once. */
export function RemoveHelperButtons<T>({ action, assignmentId, version, helpers }: { action: FormAction<T>; assignmentId: string; version: number; helpers: { teacherId: string; name: string }[] }) {
  const [state, formAction] = useAssignmentAction(action, "Helper removed");
  if (helpers.length === 0) return null;
  return (
    <div className="space-y-2">
      <FormMessage state={state} />
      <ul className="space-y-2" aria-label="Current helpers">
        {helpers.map((helper) => (
          <li key={helper.teacherId} className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <span className="font-medium">{helper.name}</span>
            <ConfirmDialog
              trigger={`Remove ${helper.name}`}
              title={`Remove ${helper.name} from this assignment?`}
              description={`${helper.name} is told and can no longer open the assignment. You can add them again later.`}
              cancelLabel={`Keep ${helper.name}`}
            >
              <form action={formAction}>
                <AssignmentRef id={assignmentId} version={version} />
                <input type="hidden" name="teacherId" value={helper.teacherId} />
                <SubmitButton variant="destructive" pendingText="Removing…">{`Remove ${helper.name}`}</SubmitButton>
              </form>
            </ConfirmDialog>
          </li>
        ))}
      </ul>
    </div>
  );
}
