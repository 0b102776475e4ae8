import { getDb } from "@/db/client";
import { readJsonObject } from "@/lib/http/json-object";
import { widgetPreflight, widgetResult, widgetRoute } from "@/lib/http/widget-cors";
import { readBearerToken } from "@/lib/visitor-chat/tokens";
import { markVisitorRead } from "@/lib/visitor-chat/visitor-read";

export const dynamic = "force-dynamic";

/** `{ seq }`: the visitor has seen the conversation up to seq → `{ data: { seq } }` (the position now held). */
export const POST = widgetRoute(async (request) => {
  const input = await readJsonObject(request, 1024);
  if (input instanceof Response) return input;
  return widgetResult(await markVisitorRead(getDb(), readBearerToken(request.headers), input));
});

export const OPTIONS = widgetPreflight;
