"use client";

import { useRouter } from "next/navigation";
import { startTransition, useState, type FormEvent } from "react";
import { useAssignmentAction, type FormAction } from "@/components/assignments/use-assignment-action";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { MAX_ITEMS } from "@/lib/invoices/schemas";
import { currencies, formatMoney, multiplyMinor, parseMinor, sumMinor } from "@/lib/money/money";

export type Drafted = { invoiceId: string; version: number; totalMinor: number; currency: string };
export type DraftItem = { description: string; quantity: string; unitPrice: string };
export type DraftValues = { invoiceId: string; version: number; currency: string; dueDate: string; notes: string; items: DraftItem[] };

type Props = {
  action: FormAction<Drafted>;
  assignmentId: string;
  /** Where the invoice pages of this area live ("/support/invoices"), to open a new draft. */
  invoicesPath: string;
  /** An existing draft to change; absent for a new one. */
  draft?: DraftValues;
  defaultDueDate: string;
};

type Row = DraftItem & { key: number };

const emptyItem: DraftItem = { description: "", quantity: "1", unitPrice: "" };

/** The total as the server will compute it, or null while a row is not a valid number yet. */
function previewTotal(rows: Row[], currency: string): number | null {
  try {
    const amounts = rows.map((row) => {
      const quantity = Number(row.quantity);
      const price = parseMinor(row.unitPrice, currency);
      if (!Number.isInteger(quantity) || quantity < 1 || price === null || price < 0) throw new RangeError("incomplete");
      return multiplyMinor(price, quantity);
    });
    return sumMinor(amounts);
  } catch {
    return null;
  }
}

/**
 * Drafts an invoice or changes a draft: a list of line items the user grows and shrinks, with a
 * preview of the total; the server recomputes the total and checks every field.
 */
export function DraftForm({ action, assignmentId, invoicesPath, draft, defaultDueDate }: Props) {
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>(() => (draft && draft.items.length > 0 ? draft.items : [emptyItem]).map((item, index) => ({ ...item, key: index })));
  const [currency, setCurrency] = useState(draft?.currency ?? "USD");
  const [dueDate, setDueDate] = useState(draft?.dueDate ?? defaultDueDate);
  const [notes, setNotes] = useState(draft?.notes ?? "");
  const [state, formAction, pending] = useAssignmentAction(action, draft ? "Draft saved" : "Draft created", (data) => {
    if (!draft && data) router.push(`${invoicesPath}/${data.invoiceId}`);
  });
  // Errors are keyed by the row's position when it was sent; a removed row clears them.
  const [shownErrors, setShownErrors] = useState(true);
  const errors = shownErrors ? (state.fieldErrors ?? {}) : {};
  const total = previewTotal(rows, currency);

  const update = (key: number, field: keyof DraftItem, value: string) => setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));

  // Submitted without the automatic form reset, so the rows typed so far stay after a refusal.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setShownErrors(true);
    startTransition(() => formAction(data));
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label={draft ? "Edit draft" : "New invoice"}>
      <FormMessage state={state} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      {draft ? (
        <>
          <input type="hidden" name="invoiceId" value={draft.invoiceId} />
          <input type="hidden" name="expectedVersion" value={draft.version} />
        </>
      ) : null}
      {errors.assignmentId ? <p className="text-sm text-red-700">{errors.assignmentId.join(" ")}</p> : null}

      <div className="space-y-3">
        <h3 className="text-sm font-semibold text-slate-700">Line items</h3>
        {errors.items ? (
          <p className="text-sm text-red-700" data-testid="error-items">
            {errors.items.join(" ")}
          </p>
        ) : null}
        {rows.map((row, index) => (
          <fieldset key={row.key} className="grid gap-3 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-[minmax(0,3fr)_minmax(0,1fr)_minmax(0,1.4fr)_auto] sm:items-start" data-testid="invoice-item-row">
            <legend className="px-1 text-xs font-medium text-slate-500">Item {index + 1}</legend>
            <Field label="Description" name={`items.${index}.description`} value={row.description} onChange={(e) => update(row.key, "description", e.target.value)} maxLength={500} errors={errors[`items.${index}.description`]} />
            <Field label="Quantity" name={`items.${index}.quantity`} type="number" min={1} step={1} inputMode="numeric" value={row.quantity} onChange={(e) => update(row.key, "quantity", e.target.value)} errors={errors[`items.${index}.quantity`]} />
            <Field label="Unit price" name={`items.${index}.unitPrice`} inputMode="decimal" placeholder={currency === "JPY" ? "1200" : "12.50"} value={row.unitPrice} onChange={(e) => update(row.key, "unitPrice", e.target.value)} errors={errors[`items.${index}.unitPrice`]} />
            <div className="sm:pt-6">
              <Button
                variant="ghost"
                disabled={rows.length <= 1}
                aria-label={`Remove item ${index + 1}`}
                onClick={() => {
                  setRows((current) => current.filter((other) => other.key !== row.key));
                  setShownErrors(false);
                }}
              >
                Remove item
              </Button>
            </div>
          </fieldset>
        ))}
        <Button variant="secondary" disabled={rows.length >= MAX_ITEMS} onClick={() => setRows((current) => [...current, { ...emptyItem, key: Math.max(-1, ...current.map((row) => row.key)) + 1 }])}>
          Add item
        </Button>
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Currency" name="currency" value={currency} onChange={(e) => setCurrency(e.target.value)} errors={errors.currency}>
          {currencies.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </SelectField>
        <Field label="Due date" name="dueDate" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} errors={errors.dueDate} />
      </div>
      <TextareaField label="Notes" name="notes" rows={3} maxLength={5000} value={notes} onChange={(e) => setNotes(e.target.value)} hint="Shown to the student on the invoice." errors={errors.notes} />

      <p className="text-sm text-slate-700" aria-live="polite">
        Total (preview): <span className="font-semibold" data-testid="draft-total-preview">{total === null ? "—" : formatMoney(total, currency)}</span>
        <span className="block text-xs text-slate-500">The server recomputes the total when you save.</span>
      </p>
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Saving…" : "Save draft"}
      </Button>
    </form>
  );
}
