import { sql, type SQL } from "drizzle-orm";

/**
 * What a person types in the search box, as a prefix query ("calc deriv" finds "calculus
 * derivatives"): words only, so no input can be a tsquery syntax error. Null when nothing is left.
 */
export function prefixTsQuery(input: string | undefined): SQL | null {
  const words = (input ?? "").toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  if (words.length === 0) return null;
  return sql`to_tsquery('english', ${words.map((word) => `${word}:*`).join(" & ")})`;
}
