import { z } from "zod";

// The only module that reads process.env for the app. A bad variable is named at start.
const iceServerUrl = z.string().regex(/^(stuns?|turns?):[^\s]+$/);
const iceServersSchema = z
  .array(z.object({ urls: z.union([iceServerUrl, z.array(iceServerUrl).min(1)]), username: z.string().optional(), credential: z.string().optional() }).strict())
  .max(10);

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (postgres://user:password@host:5432/db)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://"),
  AUTH_SECRET: z
    .string({ error: "AUTH_SECRET is required (generate one with: openssl rand -base64 32)" })
    .min(32, "AUTH_SECRET must be at least 32 characters"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  // Largest accepted upload per file, in bytes (25 MB unless set).
  // Where uploaded files are kept when UploadThing is not configured.
  UPLOADS_DIR: z.string().min(1).default(".data/uploads"),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(25 * 1024 * 1024),
  UPLOADTHING_TOKEN: z.string().min(1).optional(),
  // How old a stored file with no row must be before the hourly sweep removes it (lib/storage/sweep-stray-files.ts); 0: never sweep.
  STRAY_FILE_GRACE_SECONDS: z.coerce.number().int().min(0).max(30 * 86_400).default(3600),
  // Stripe Checkout; payments by card are off unless both the secret key and the webhook secret are set.
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, "STRIPE_SECRET_KEY must start with sk_test_, sk_live_, rk_test_ or rk_live_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_/, "STRIPE_WEBHOOK_SECRET must start with whsec_").optional(),
  // Where the SDK sends API requests instead of api.stripe.com (tests and e2e point it at a stand-in).
  STRIPE_API_BASE: z.url({ protocol: /^https?$/, error: "STRIPE_API_BASE must be an http(s) URL" }).optional(),
  // PayPal Checkout (Orders v2); payments by PayPal are off unless the client id, secret and webhook id are set.
  PAYPAL_CLIENT_ID: z.string().min(1).optional(),
  PAYPAL_CLIENT_SECRET: z.string().min(1).optional(),
  // Id of the webhook registered for /api/webhooks/paypal (deliveries are verified against it).
  PAYPAL_WEBHOOK_ID: z.string().min(1).optional(),
  PAYPAL_ENVIRONMENT: z.enum(["sandbox", "production"]).default("sandbox"),
  // Where API requests go instead of PayPal's API host (tests and e2e point it at a stand-in).
  PAYPAL_API_BASE: z.url({ protocol: /^https?$/, error: "PAYPAL_API_BASE must be an http(s) URL" }).optional(),
  // Where people reach the app: every link in an email is built from it, never from a request's Host header.
  APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL, e.g. https://portal.example.org" }).default("http://localhost:3000"),
  // SMTP relay for outgoing mail (smtp://user:pass@host:587 or smtps://…:465); unset: the local mailbox.
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be smtp://user:password@host:587 or smtps://user:password@host:465" }).optional(),
  MAIL_FROM: z.string().min(3).default("Nano Problem <no-reply@localhost>"),
  // Serves the local mailbox at /dev/mailbox (1: npm run dev and the e2e server set it; unset: on in
  // development only). Never with SMTP_URL, and never in a real deployment: it shows every message.
  MAILBOX_ENABLED: z.enum(["0", "1"], { error: "MAILBOX_ENABLED must be 0 or 1" }).optional(),
  // Other sites that may embed the visitor chat widget: comma-separated exact origins (https://www.example.org).
  WIDGET_ALLOWED_ORIGINS: z
    .string()
    .transform((value, ctx) => {
      const origins = parseOriginList(value);
      if (origins.ok) return origins.origins;
      ctx.addIssue({ code: "custom", message: `WIDGET_ALLOWED_ORIGINS: "${origins.bad}" is not an origin (scheme://host[:port], no path)` });
      return z.NEVER;
    })
    .default([]),
  // Host sites sign their signed-in user's id with it (HMAC-SHA256); unset: no visitor is ever marked verified.
  WIDGET_IDENTITY_SECRET: z.string().min(32, "WIDGET_IDENTITY_SECRET must be at least 32 characters").optional(),
  // Meetings: how far ahead a new or moved meeting must start, and how close to its start a student can no longer cancel or move it (staff may override, audited).
  MEETING_MIN_NOTICE_MINUTES: z.coerce.number().int().min(0).max(10_080).default(120),
  MEETING_STUDENT_CHANGE_WINDOW_HOURS: z.coerce.number().int().min(0).max(168).default(12),
  // WebRTC ICE servers for the meeting room, as RTCIceServer JSON: [{"urls":"turn:turn.example.org:3478","username":"u","credential":"p"}]. Empty works on one network.
  ICE_SERVERS: z
    .string()
    .transform((value, ctx) => {
      const parsed = iceServersSchema.safeParse(safeJson(value));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: "custom", message: 'ICE_SERVERS must be a JSON array of {"urls": "stun:…" | "turn:…", "username"?, "credential"?}' });
      return z.NEVER;
    })
    .default([]),
  // coturn's `static-auth-secret` (use-auth-secret): TURN entries of ICE_SERVERS without a username get
  // credentials minted per room visit, valid for TURN_CREDENTIAL_TTL_SECONDS, instead of a long-lived password.
  TURN_SHARED_SECRET: z.string().min(16, "TURN_SHARED_SECRET must be at least 16 characters").optional(),
  TURN_CREDENTIAL_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3_600),
});

/**
 * Exact origins, normalized as browsers send them in the Origin header (lower-case scheme and
 * host, default port dropped), so comparing is string equality.
 */
export function parseOriginList(value: string): { ok: true; origins: string[] } | { ok: false; bad: string } {
  const origins: string[] = [];
  for (const entry of value.split(",").map((part) => part.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      return { ok: false, bad: entry };
    }
    const bare = url.pathname === "/" && url.search === "" && url.hash === "" && url.username === "" && url.password === "";
    if ((url.protocol !== "https:" && url.protocol !== "http:") || !bare) return { ok: false, bad: entry };
    origins.push(url.origin);
  }
  return { ok: true, origins: [...new Set(origins)] };
}

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export class EnvError extends Error {}

export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  // An empty variable (`AUTH_SECRET=` in a .env file) means unset, and is reported as missing.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = serverEnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment: ${lines.join("; ")}`);
  }
  // Real mail with links to localhost would reach people and lead nowhere.
  if (result.data.SMTP_URL && result.data.NODE_ENV === "production" && !present.APP_URL) {
    throw new EnvError("Invalid environment: APP_URL: required when SMTP_URL is set (the address people open links in emails at)");
  }
  return result.data;
}

const meetingEnvSchema = serverEnvSchema.pick({ MEETING_MIN_NOTICE_MINUTES: true, MEETING_STUDENT_CHANGE_WINDOW_HOURS: true });
let meetingCached: z.infer<typeof meetingEnvSchema> | undefined;

/**
 * Just the meeting rules: the demo seed books meetings from the orchestrator process (npm run dev,
 * the e2e server), which holds no app secrets, so it cannot ask for the whole environment.
 */
export function meetingEnv(): z.infer<typeof meetingEnvSchema> {
  if (cached) return cached;
  meetingCached ??= (() => {
    const present = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
    const result = meetingEnvSchema.safeParse(present);
    if (!result.success) throw new EnvError(`Invalid environment: ${result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
    return result.data;
  })();
  return meetingCached;
}

export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}
