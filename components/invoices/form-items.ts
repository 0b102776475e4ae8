/**
 * A form posts each line item as flat fields ("items.0.description"); the draft service wants an
 * `items` array. Rows keep their posted order, so errors keyed "items.N.field" match the form's rows.
 */
export function nestDraftInput(input: Record<string, string | string[]>): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  const rows = new Map<number, Record<string, string>>();
  for (const [key, raw] of Object.entries(input)) {
    const value = Array.isArray(raw) ? (raw[0] ?? "") : raw;
    const match = /^items\.(\d{1,3})\.(description|quantity|unitPrice)$/.exec(key);
    if (!match) {
      rest[key] = value;
      continue;
    }
    const index = Number(match[1]);
    const field = match[2] as string;
    const row = rows.get(index) ?? {};
    row[field] = value;
    rows.set(index, row);
  }
  const items = [...rows.keys()].sort((a, b) => a - b).map((index) => rows.get(index) ?? {});
  return { ...rest, items };
}
