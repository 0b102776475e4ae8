import { z } from "zod";
import { invoiceStatuses } from "@/db/schema";
import type { FieldErrors } from "@/lib/errors";
import { currencies, DEFAULT_CURRENCY, multiplyMinor, parseMinor, sumMinor } from "@/lib/money/money";
import { optionalText, unsavableTextFields, type Parsed } from "@/lib/validation";

const markup = /[<>]/;
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const MAX_ITEMS = 50;
export const MAX_QUANTITY = 10_000;
// $100,000,000.00: with MAX_ITEMS and MAX_QUANTITY the total stays a safe integer.
export const MAX_UNIT_PRICE_MINOR = 10_000_000_000;

const isoDate = (name: string) =>
  z
    .string({ error: `Enter ${name}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${name}`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), `Enter a real date`);

const reason = (name: string) =>
  z
    .string({ error: `Enter ${name.toLowerCase()}` })
    .trim()
    .min(3, `Enter ${name.toLowerCase()}`)
    .max(1000, `${name} must be at most 1000 characters`)
    .refine((value) => !markup.test(value), `${name} cannot contain < or >`);

const ref = {
  invoiceId: z.uuid({ error: "Unknown invoice" }),
  expectedVersion: z.coerce.number({ error: "Reload the page and try again" }).int().min(1, "Reload the page and try again"),
};
export type InvoiceRef = { invoiceId: string; expectedVersion: number };

const itemSchema = z.object({
  description: z.string({ error: "Enter a description" }).trim().min(1, "Enter a description").max(500, "Description must be at most 500 characters").refine((v) => !markup.test(v), "Description cannot contain < or >"),
  quantity: z.coerce.number({ error: "Quantity must be a whole number" }).int("Quantity must be a whole number").min(1, "Quantity must be at least 1").max(MAX_QUANTITY, `Quantity must be at most ${MAX_QUANTITY}`),
  // The shape is checked here so it is reported with the other fields; the currency's decimals below.
  unitPrice: z.string({ error: "Enter a unit price" }).trim().min(1, "Enter a unit price").regex(/^\d{1,14}(\.\d{1,2})?$/, "Enter a price such as 12.50"),
});

/** A new draft (no invoiceId) or a change to an existing draft; totals are computed here, never read from the form. */
export const draftSchema = z
  .object({
    invoiceId: z.preprocess(blankToUndefined, z.uuid({ error: "Unknown invoice" }).optional()),
    expectedVersion: z.preprocess(blankToUndefined, ref.expectedVersion.optional()),
    assignmentId: z.uuid({ error: "Choose an assignment" }),
    currency: z.preprocess(blankToUndefined, z.enum(currencies, { error: "Choose a currency from the list" }).default(DEFAULT_CURRENCY as (typeof currencies)[number])),
    dueDate: isoDate("a due date").refine((value) => value >= new Date().toISOString().slice(0, 10), "Choose a due date that is not in the past"),
    notes: optionalText(5000, "Notes"),
    items: z.array(itemSchema, { error: "Add at least one line item" }).min(1, "Add at least one line item").max(MAX_ITEMS, `Add at most ${MAX_ITEMS} line items`),
  })
  .superRefine((value, ctx) => {
    if (value.invoiceId && value.expectedVersion === undefined) ctx.addIssue({ code: "custom", path: ["expectedVersion"], message: "Reload the page and try again" });
    value.items.forEach((item, index) => {
      const minor = parseMinor(item.unitPrice, value.currency);
      if (minor === null || minor < 0) ctx.addIssue({ code: "custom", path: ["items", index, "unitPrice"], message: `Enter a price such as ${value.currency === "JPY" ? "1200" : "12.50"}` });
      else if (minor > MAX_UNIT_PRICE_MINOR) ctx.addIssue({ code: "custom", path: ["items", index, "unitPrice"], message: "Unit price is too large" });
    });
  })
  .transform((value) => {
    const items = value.items.map((item, index) => {
      const unitPriceMinor = parseMinor(item.unitPrice, value.currency) ?? 0;
      return { position: index + 1, description: item.description, quantity: item.quantity, unitPriceMinor, amountMinor: multiplyMinor(unitPriceMinor, item.quantity) };
    });
    return { ...value, items, totalMinor: sumMinor(items.map((item) => item.amountMinor)) };
  });
export type DraftInput = z.output<typeof draftSchema>;

export const refSchema = z.object(ref);
export const rejectSchema = z.object({ ...ref, reason: reason("Reason") });
export const voidSchema = z.object({ ...ref, reason: reason("Reason") });

export const manualMethods = ["bank_transfer", "cash", "cheque", "card_terminal", "other"] as const;
export const manualPaymentSchema = z.object({
  ...ref,
  method: z.enum(manualMethods, { error: "Choose how it was paid" }),
  reference: z.string({ error: "Enter the payment reference" }).trim().min(1, "Enter the payment reference").max(120, "Reference must be at most 120 characters").refine((v) => !markup.test(v), "Reference cannot contain < or >"),
  // Parsed in the invoice's currency by the service, which knows it.
  amount: z.string({ error: "Enter the amount" }).trim().min(1, "Enter the amount"),
  paidOn: isoDate("the payment date"),
  note: optionalText(1000, "Note"),
});

/**
 * Like parseInput, but nested fields keep their full path ("items.2.unitPrice"), so each line
 * item's error shows beside its own field.
 */
export function parseNested<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const unsavableFields = unsavableTextFields(input);
  if (Object.keys(unsavableFields).length > 0) return { ok: false, fieldErrors: unsavableFields };
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    const messages = (fieldErrors[key] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return { ok: false, fieldErrors };
}

/** The deepest page a list serves; the pager offers no page past it. */
export const INVOICES_MAX_PAGE = 400;
const page = z.coerce.number().int().min(1).max(INVOICES_MAX_PAGE).optional().catch(undefined).transform((p) => p ?? 1);
const optionalDate = z.preprocess(blankToUndefined, isoDate("a date").optional()).catch(undefined);
export const INVOICES_PAGE_SIZE = 25;
/** The columns the staff invoice list sorts by on the server (the URL's `sort`, direction in `dir`); none means newest first. */
export const invoiceSortColumns = ["created", "due", "total", "status"] as const;
export type InvoiceSortColumn = (typeof invoiceSortColumns)[number];
export const invoiceListQuerySchema = z.object({
  status: z.enum(invoiceStatuses).optional().catch(undefined),
  studentId: z.uuid().optional().catch(undefined),
  // Creation date range, inclusive, in UTC.
  from: optionalDate,
  to: optionalDate,
  overdue: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).catch(false),
  // "1": issued and not yet fully paid (the student dashboard's unpaid balance).
  unpaid: z.enum(["1"]).optional().catch(undefined),
  // A hostile or stale value falls back to the default order, never an error page.
  sort: z.enum(invoiceSortColumns).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page,
});
export type InvoiceListQuery = z.infer<typeof invoiceListQuerySchema>;
export const idSchema = z.uuid();
