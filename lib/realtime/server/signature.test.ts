import PusherServer from "pusher";
import { describe, expect, test } from "vitest";
import { APP } from "./test-helpers";
import { md5Hex, requestSigningString, signChannelAuth, verifyChannelAuth, verifySignedRequest } from "./signature";

const sdk = new PusherServer({ ...APP, host: "127.0.0.1", port: "1", useTLS: false });

function paramsOf(query: string): Map<string, string> {
  return new Map(new URLSearchParams(query));
}

describe("REST request signatures", () => {
  test("a query string signed by the pusher SDK verifies", () => {
    const body = JSON.stringify({ name: "e", data: "{}", channels: ["c"] });
    const query = sdk.createSignedQueryString({ method: "POST", path: "/apps/test-app/events", body });
    const result = verifySignedRequest(
      { method: "POST", path: "/apps/test-app/events", params: paramsOf(query), rawBody: Buffer.from(body) },
      APP,
    );
    expect(result).toEqual({ ok: true });
  });

  test("extra query parameters are part of the signed string, sorted by key", () => {
    const params = new Map([
      ["info", "user_count"],
      ["auth_key", "k"],
      ["filter_by_prefix", "presence-"],
      ["auth_signature", "ignored"],
    ]);
    expect(requestSigningString("get", "/apps/1/channels", params)).toBe(
      "GET\n/apps/1/channels\nauth_key=k&filter_by_prefix=presence-&info=user_count",
    );
  });

  test("a signature made for another path is refused", () => {
    const query = sdk.createSignedQueryString({ method: "GET", path: "/apps/test-app/channels" });
    const result = verifySignedRequest(
      { method: "GET", path: "/apps/test-app/channels/x", params: paramsOf(query), rawBody: Buffer.alloc(0) },
      APP,
    );
    expect(result).toMatchObject({ ok: false, status: 401, reason: "Invalid signature" });
  });

  test.each([
    [-601, false],
    [-600, true],
    [600, true],
    [601, false],
  ])("a timestamp %i seconds from the server clock is accepted: %s", (skew, accepted) => {
    const query = sdk.createSignedQueryString({ method: "GET", path: "/apps/test-app/channels" });
    const now = Number(paramsOf(query).get("auth_timestamp")) - skew;
    const result = verifySignedRequest(
      { method: "GET", path: "/apps/test-app/channels", params: paramsOf(query), rawBody: Buffer.alloc(0) },
      APP,
      now,
    );
    expect(result.ok).toBe(accepted);
    if (!result.ok) expect(result.reason).toContain("Timestamp expired");
  });

  test("a body that does not match body_md5 is refused", () => {
    const query = sdk.createSignedQueryString({ method: "POST", path: "/apps/test-app/events", body: "{}" });
    const result = verifySignedRequest(
      { method: "POST", path: "/apps/test-app/events", params: paramsOf(query), rawBody: Buffer.from("{ }") },
      APP,
    );
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("body_md5") as unknown });
    expect(md5Hex("{}")).toBe("99914b932bd37a50b983c5e7c90ae93b");
  });
});

describe("channel authorization signatures", () => {
  test("private channel auth matches the pusher SDK's authorizeChannel", () => {
    const { auth } = sdk.authorizeChannel("123.456", "private-room");
    expect(signChannelAuth(APP.key, APP.secret, "123.456", "private-room")).toBe(auth);
    expect(verifyChannelAuth(auth, APP.key, APP.secret, "123.456", "private-room")).toBe(true);
  });

  test("presence channel auth covers channel_data exactly as serialised", () => {
    const { auth, channel_data: channelData } = sdk.authorizeChannel("1.2", "presence-room", {
      user_id: "u1",
      user_info: { name: "Ada" },
    });
    expect(channelData).toBeDefined();
    expect(verifyChannelAuth(auth, APP.key, APP.secret, "1.2", "presence-room", channelData)).toBe(true);
    expect(verifyChannelAuth(auth, APP.key, APP.secret, "1.2", "presence-room", `${channelData ?? ""} `)).toBe(false);
  });

  test("auth for one socket is refused for another", () => {
    const { auth } = sdk.authorizeChannel("1.1", "private-room");
    expect(verifyChannelAuth(auth, APP.key, APP.secret, "1.2", "private-room")).toBe(false);
  });
});
