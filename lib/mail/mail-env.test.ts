import { describe, expect, it, vi } from "vitest";
import { parseServerEnv } from "@/lib/env";

const base = { DATABASE_URL: "postgres://u:p@localhost:5432/db", AUTH_SECRET: "x".repeat(32) };

describe("mail settings", () => {
  it("links to localhost:3000 and keeps mail local unless configured", () => {
    const env = parseServerEnv(base);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("names a relay that is not an SMTP URL, and an APP_URL that is not http(s)", () => {
    expect(() => parseServerEnv({ ...base, SMTP_URL: "https://relay.example" })).toThrow(/SMTP_URL must be smtp:\/\//);
    expect(() => parseServerEnv({ ...base, APP_URL: "javascript:alert(1)" })).toThrow(/APP_URL must be an http\(s\) URL/);
  });

  it("refuses to send real mail in production with links to nowhere", () => {
    const production = { ...base, NODE_ENV: "production", SMTP_URL: "smtp://user:pass@relay.example:587" };
    expect(() => parseServerEnv(production)).toThrow(/APP_URL: required when SMTP_URL is set/);
    expect(parseServerEnv({ ...production, APP_URL: "https://portal.example.org" }).APP_URL).toBe("https://portal.example.org");
  });

  it("builds links from APP_URL, keeping its path prefix, whatever host a request claimed", async () => {
    vi.stubEnv("APP_URL", "https://portal.example.org/np/");
    const { appUrl } = await import("./app-url");
    expect(appUrl("/reset-password?token=abc")).toBe("https://portal.example.org/np/reset-password?token=abc");
    expect(appUrl("profile")).toBe("https://portal.example.org/np/profile");
  });

  it("serves the mailbox in development or when asked, and never once real mail goes out", async () => {
    const enabled = async (env: Record<string, string | undefined>) => {
      vi.resetModules();
      for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
      return (await import("./mailbox")).mailboxEnabled();
    };
    expect(await enabled({ NODE_ENV: "development", MAILBOX_ENABLED: undefined, SMTP_URL: undefined })).toBe(true);
    expect(await enabled({ NODE_ENV: "production", MAILBOX_ENABLED: undefined, SMTP_URL: undefined })).toBe(false);
    expect(await enabled({ NODE_ENV: "production", MAILBOX_ENABLED: "1", SMTP_URL: undefined })).toBe(true);
    expect(await enabled({ NODE_ENV: "development", MAILBOX_ENABLED: "0", SMTP_URL: undefined })).toBe(false);
    expect(await enabled({ NODE_ENV: "development", MAILBOX_ENABLED: "1", SMTP_URL: "smtp://relay.example:587" })).toBe(false);
  });
});
