import { getDb } from "@/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { readJsonObject } from "@/lib/http/json-object";
import { widgetPreflight, widgetResult, widgetRoute } from "@/lib/http/widget-cors";
import { startVisitorSession } from "@/lib/visitor-chat/start-session";
import { readBearerToken } from "@/lib/visitor-chat/tokens";

export const dynamic = "force-dynamic";

// A 2,000-character question (up to 12 bytes a character as JSON escapes), a name, two URLs and the identity.
const MAX_BODY_BYTES = 64 * 1024;

/** The pre-chat form → 201 `{ data: { token, session, messages } }`; a returning visitor sends their old token as Bearer. */
export const POST = widgetRoute(async (request) => {
  const input = await readJsonObject(request, MAX_BODY_BYTES);
  if (input instanceof Response) return input;
  const result = await startVisitorSession(getDb(), input, {
    ip: clientIp(request.headers),
    userAgent: request.headers.get("user-agent"),
    token: readBearerToken(request.headers),
  });
  return widgetResult(result, 201);
});

export const OPTIONS = widgetPreflight;
