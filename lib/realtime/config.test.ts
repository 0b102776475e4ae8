import { describe, expect, it } from "vitest";
import { parseRealtimeConfig } from "./config";

describe("real-time configuration", () => {
  it("uses the local server outside production when nothing is set", () => {
    const config = parseRealtimeConfig({ NODE_ENV: "development" });
    expect(config?.server).toMatchObject({ appId: "nano-local", host: "127.0.0.1", port: 6001, useTLS: false });
    expect(config?.client).toEqual({ key: "nano-local-key", cluster: "mt1", wsHost: "127.0.0.1", wsPort: 6001, forceTLS: false });
  });

  it("targets Pusher Channels over TLS when only keys and a cluster are set", () => {
    const config = parseRealtimeConfig({ NODE_ENV: "production", PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s", PUSHER_CLUSTER: "eu" });
    expect(config?.server).toMatchObject({ host: undefined, useTLS: true, cluster: "eu" });
    expect(config?.client).toEqual({ key: "k", cluster: "eu", wsHost: undefined, wsPort: undefined, forceTLS: true });
  });

  it("targets a Soketi host, with a separate public address for browsers", () => {
    const config = parseRealtimeConfig({
      NODE_ENV: "production", PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s",
      PUSHER_HOST: "soketi.internal", PUSHER_PORT: "6001", PUSHER_USE_TLS: "false", PUSHER_PUBLIC_HOST: "ws.example.com", PUSHER_PUBLIC_PORT: "443",
    });
    expect(config?.server).toMatchObject({ host: "soketi.internal", port: 6001, useTLS: false });
    expect(config?.client).toMatchObject({ wsHost: "ws.example.com", wsPort: 443 });
  });

  it("turns live updates off in production without keys, never exposing a default secret", () => {
    expect(parseRealtimeConfig({ NODE_ENV: "production" })).toBeNull();
  });

  it("never hands the secret to the browser", () => {
    expect(JSON.stringify(parseRealtimeConfig({ NODE_ENV: "development" })?.client)).not.toContain("secret");
  });
});
