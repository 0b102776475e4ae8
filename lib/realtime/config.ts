import { z } from "zod";

const booleanText = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const realtimeEnvSchema = z.object({
  NODE_ENV: z.string().default("development"),
  PUSHER_APP_ID: z.string().min(1).optional(),
  PUSHER_KEY: z.string().min(1).optional(),
  PUSHER_SECRET: z.string().min(1).optional(),
  PUSHER_CLUSTER: z.string().min(1).default("mt1"),
  PUSHER_HOST: z.string().min(1).optional(),
  PUSHER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PUSHER_USE_TLS: booleanText.optional(),
  PUSHER_PUBLIC_HOST: z.string().min(1).optional(),
  PUSHER_PUBLIC_PORT: z.coerce.number().int().min(1).max(65535).optional(),
});

/** The defaults of the local Pusher-protocol server that `npm run dev` starts. */
export const LOCAL_REALTIME = { appId: "nano-local", key: "nano-local-key", secret: "nano-local-secret", host: "127.0.0.1", port: 6001 } as const;

export type RealtimeServerConfig = { appId: string; key: string; secret: string; cluster: string; host?: string; port?: number; useTLS: boolean };
/** What the browser needs; never the secret. */
export type RealtimeClientConfig = { key: string; cluster: string; wsHost?: string; wsPort?: number; forceTLS: boolean };

export type RealtimeConfig = { server: RealtimeServerConfig; client: RealtimeClientConfig } | null;

/**
 * Pusher Channels when only keys are set, Soketi or the local server when a host is set.
 * Outside production the local server's defaults apply; in production without keys live
 * updates are off and the app falls back to polling.
 */
export function parseRealtimeConfig(source: Record<string, string | undefined>): RealtimeConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const env = realtimeEnvSchema.parse(cleaned);
  const local = env.NODE_ENV !== "production";
  const appId = env.PUSHER_APP_ID ?? (local ? LOCAL_REALTIME.appId : undefined);
  const key = env.PUSHER_KEY ?? (local ? LOCAL_REALTIME.key : undefined);
  const secret = env.PUSHER_SECRET ?? (local ? LOCAL_REALTIME.secret : undefined);
  if (!appId || !key || !secret) return null;
  const host = env.PUSHER_HOST ?? (local && !env.PUSHER_APP_ID ? LOCAL_REALTIME.host : undefined);
  const port = env.PUSHER_PORT ?? (host ? LOCAL_REALTIME.port : undefined);
  const useTLS = env.PUSHER_USE_TLS ?? !host;
  const publicHost = env.PUSHER_PUBLIC_HOST ?? host;
  const publicPort = env.PUSHER_PUBLIC_PORT ?? port;
  return {
    server: { appId, key, secret, cluster: env.PUSHER_CLUSTER, host, port, useTLS },
    client: { key, cluster: env.PUSHER_CLUSTER, wsHost: publicHost, wsPort: publicHost ? publicPort : undefined, forceTLS: useTLS },
  };
}

let cached: RealtimeConfig | undefined;

export function realtimeConfig(): RealtimeConfig {
  if (cached === undefined) cached = parseRealtimeConfig(process.env);
  return cached;
}
