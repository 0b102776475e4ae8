import { serverEnv } from "@/lib/env";

/** The host sites listed in WIDGET_ALLOWED_ORIGINS (normalized origins), for CORS and frame-ancestors. */
export function widgetAllowedOrigins(): readonly string[] {
  return serverEnv().WIDGET_ALLOWED_ORIGINS;
}

/** The app's own origin, as people reach it (APP_URL). */
export function appOrigin(): string {
  return new URL(serverEnv().APP_URL).origin;
}
