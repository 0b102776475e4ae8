import type { IncomingMessage, ServerResponse } from "node:http";
import { LIMITS } from "./config";
import { channelInfo, channelUsers, listChannels } from "./http-channels";
import { triggerBatch, triggerEvent, type HttpResult } from "./http-events";
import type { ProtocolContext } from "./session";
import { verifySignedRequest } from "./signature";

type Route =
  | { kind: "events" | "batch_events" | "channels"; appId: string; method: "POST" | "GET" }
  | { kind: "channel" | "users"; appId: string; channel: string; method: "GET" };

function matchRoute(path: string): Route | null {
  const segments = path.split("/").slice(1);
  if (segments[0] !== "apps" || segments[1] === undefined || segments[1] === "") return null;
  const appId = decodeURIComponent(segments[1]);
  const [, , resource, channel, sub, ...rest] = segments;
  if (rest.length > 0) return null;
  if (resource === "events" && channel === undefined) return { kind: "events", appId, method: "POST" };
  if (resource === "batch_events" && channel === undefined) return { kind: "batch_events", appId, method: "POST" };
  if (resource !== "channels") return null;
  if (channel === undefined || channel === "") return sub === undefined ? { kind: "channels", appId, method: "GET" } : null;
  const name = decodeURIComponent(channel);
  if (sub === undefined) return { kind: "channel", appId, channel: name, method: "GET" };
  if (sub === "users") return { kind: "users", appId, channel: name, method: "GET" };
  return null;
}

function send(res: ServerResponse, result: HttpResult): void {
  if ("json" in result) {
    res.writeHead(result.status, { "content-type": "application/json" });
    res.end(JSON.stringify(result.json));
  } else {
    res.writeHead(result.status, { "content-type": "text/plain; charset=utf-8" });
    res.end(result.text);
  }
}

/**
 * Buffers the body up to the limit. Past it the rest is drained rather than
 * the socket cut, so the client reads a clean 413 instead of ECONNRESET; a
 * body far beyond the limit is cut anyway.
 */
function readBody(req: IncomingMessage): Promise<Buffer | "too_large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= LIMITS.maxHttpBodyBytes) chunks.push(chunk);
      else if (size > LIMITS.maxHttpBodyBytes * 16) req.destroy();
    });
    const finish = (): void => resolve(size > LIMITS.maxHttpBodyBytes ? "too_large" : Buffer.concat(chunks));
    req.on("end", finish);
    // An aborted or cut request never emits "end"; settle anyway so nothing waits forever.
    req.on("close", finish);
    req.on("error", reject);
  });
}

async function handle(ctx: ProtocolContext, req: IncomingMessage): Promise<HttpResult> {
  const rawUrl = req.url ?? "/";
  const queryStart = rawUrl.indexOf("?");
  // The SDK signs the path exactly as it sends it, so the raw (undecoded) path is what must be verified.
  const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? "" : rawUrl.slice(queryStart + 1));
  const method = req.method ?? "GET";

  if (rawPath === "/health") {
    req.resume();
    return method === "GET" ? { status: 200, json: { ok: true } } : { status: 405, text: "Method not allowed" };
  }
  let route: Route | null;
  try {
    route = matchRoute(rawPath);
  } catch {
    route = null; // malformed percent-encoding
  }
  if (route === null) {
    req.resume();
    return { status: 404, text: "Not found" };
  }
  if (route.method !== method) {
    req.resume();
    return { status: 405, text: "Method not allowed" };
  }
  if (route.appId !== ctx.config.appId) {
    req.resume();
    return { status: 404, text: `Unknown app ${route.appId.slice(0, 100)}` };
  }

  const body = await readBody(req);
  if (body === "too_large") return { status: 413, text: `Request body too large: at most ${LIMITS.maxHttpBodyBytes} bytes` };

  const params = new Map<string, string>();
  for (const [name, value] of query) params.set(name.toLowerCase(), value);
  const verification = verifySignedRequest({ method, path: rawPath, params, rawBody: body }, ctx.config);
  if (!verification.ok) {
    ctx.logger.warn("http_auth_failed", { method, path: rawPath, reason: verification.reason });
    return { status: verification.status, text: verification.reason };
  }

  switch (route.kind) {
    case "channels":
      return listChannels(ctx, query);
    case "channel":
      return channelInfo(ctx, route.channel, query);
    case "users":
      return channelUsers(ctx, route.channel);
    case "events":
    case "batch_events": {
      let json: unknown;
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch {
        return { status: 400, text: "Invalid JSON body" };
      }
      return route.kind === "events" ? triggerEvent(ctx, json) : triggerBatch(ctx, json);
    }
  }
}

export function createHttpHandler(ctx: ProtocolContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(ctx, req)
      .then((result) => {
        ctx.logger.debug("http_request", { method: req.method, path: req.url?.split("?")[0], status: result.status });
        send(res, result);
      })
      .catch((error: unknown) => {
        ctx.logger.error("http_handler_failed", { message: error instanceof Error ? error.message : String(error) });
        if (!res.headersSent) send(res, { status: 500, text: "Internal server error" });
        else res.destroy();
      });
  };
}
