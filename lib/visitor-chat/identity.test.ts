import { describe, expect, it } from "vitest";
import { hostIdentityHash, verifyHostIdentity } from "./identity";

const secret = "host-site-shared-secret-of-32-characters!";
const now = new Date("2026-06-01T12:00:00Z");
const nowSeconds = Math.floor(now.getTime() / 1000);

const signed = (userId: string, timestamp: number) => ({ userId, timestamp, userHash: hostIdentityHash(secret, userId, timestamp) });

describe("host-site identity", () => {
  it("accepts a hash made with the secret within 10 minutes either side of now", () => {
    expect(verifyHostIdentity(signed("user-42", nowSeconds), secret, now)).toBe("user-42");
    expect(verifyHostIdentity(signed("user-42", nowSeconds - 10 * 60), secret, now)).toBe("user-42");
    expect(verifyHostIdentity(signed("user-42", nowSeconds + 10 * 60), secret, now)).toBe("user-42");
    // Host sites may send the hex in upper case.
    const upper = signed("user-42", nowSeconds);
    expect(verifyHostIdentity({ ...upper, userHash: upper.userHash.toUpperCase() }, secret, now)).toBe("user-42");
  });

  it("refuses a hash 11 minutes old or 11 minutes ahead: a leaked hash cannot be replayed later", () => {
    expect(verifyHostIdentity(signed("user-42", nowSeconds - 11 * 60), secret, now)).toBeNull();
    expect(verifyHostIdentity(signed("user-42", nowSeconds + 11 * 60), secret, now)).toBeNull();
  });

  it("refuses a wrong hash, another user's hash, another secret and a hash of the wrong length", () => {
    const good = signed("user-42", nowSeconds);
    const flipped = (good.userHash[0] === "a" ? "b" : "a") + good.userHash.slice(1);
    expect(verifyHostIdentity({ ...good, userHash: flipped }, secret, now)).toBeNull();
    expect(verifyHostIdentity({ ...good, userId: "user-43" }, secret, now)).toBeNull();
    expect(verifyHostIdentity({ ...good, timestamp: nowSeconds - 1 }, secret, now)).toBeNull();
    expect(verifyHostIdentity(good, `${secret}x`, now)).toBeNull();
    expect(verifyHostIdentity({ ...good, userHash: good.userHash.slice(0, 63) }, secret, now)).toBeNull();
    expect(verifyHostIdentity({ ...good, userHash: `${good.userHash}00` }, secret, now)).toBeNull();
    expect(verifyHostIdentity({ ...good, userHash: "" }, secret, now)).toBeNull();
  });

  it("never verifies anyone when no secret is configured", () => {
    const good = signed("user-42", nowSeconds);
    expect(verifyHostIdentity(good, undefined, now)).toBeNull();
    expect(verifyHostIdentity(good, "", now)).toBeNull();
    // The test environment sets no WIDGET_IDENTITY_SECRET: the default is "not configured".
    expect(verifyHostIdentity(good)).toBeNull();
  });

  it("refuses a timestamp that is not a whole number of seconds", () => {
    expect(verifyHostIdentity({ ...signed("u", nowSeconds), timestamp: nowSeconds + 0.5 }, secret, now)).toBeNull();
    expect(verifyHostIdentity({ ...signed("u", nowSeconds), timestamp: Number.NaN }, secret, now)).toBeNull();
  });
});
