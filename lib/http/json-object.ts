import { NextResponse } from "next/server";
import { readJsonBody, refuseBody } from "./read-body";

/**
 * The JSON object a route's service reads its fields from, or the 4xx that refuses the body
 * (too large, not JSON, not an object): a service never sees an array or a bare string.
 */
export async function readJsonObject(request: Request, maxBytes: number): Promise<Record<string, unknown> | Response> {
  const read = await readJsonBody(request, maxBytes);
  if (!read.ok) return refuseBody(request, read);
  const value = read.value ?? {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return NextResponse.json({ error: "Send a JSON object." }, { status: 400 });
  return value as Record<string, unknown>;
}
