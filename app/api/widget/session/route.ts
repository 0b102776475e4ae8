import { getDb } from "@/db/client";
import { widgetPreflight, widgetResult, widgetRoute } from "@/lib/http/widget-cors";
import { readBearerToken } from "@/lib/visitor-chat/tokens";
import { loadVisitorConversation } from "@/lib/visitor-chat/visitor-queries";

export const dynamic = "force-dynamic";

/** The token's conversation: `{ data: { session, messages } }`, or 401 when the token is unknown or expired. */
export const GET = widgetRoute(async (request) => widgetResult(await loadVisitorConversation(getDb(), readBearerToken(request.headers))));

export const OPTIONS = widgetPreflight;
