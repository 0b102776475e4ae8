import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionClaimsFromCookie } from "./session-cookie";

const secret = "vitest-only-secret-of-at-least-32-characters";
const claims = { uid: "0b0d3c9e-6f2a-4e0e-9d7a-2f1c7b9a1e11", role: "student", sv: 1, sid: "5a8f3f0e-1c2b-4d3e-8f9a-0b1c2d3e4f50" };

async function cookieFor(name: string, options: { secret?: string; maxAge?: number } = {}) {
  const token = await encode({ token: claims, secret: options.secret ?? secret, salt: name, maxAge: options.maxAge });
  return `${name}=${token}`;
}

describe("the session read from its cookie", () => {
  afterEach(() => vi.useRealTimers());

  it("stops being a session when its cookie expires, even after it was read before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const cookie = await cookieFor("authjs.session-token", { maxAge: 60 });
    expect(await sessionClaimsFromCookie(new Headers({ cookie }))).toMatchObject(claims);
    expect(await sessionClaimsFromCookie(new Headers({ cookie }))).toMatchObject(claims);
    vi.setSystemTime(Date.now() + 2 * 60_000);
    expect(await sessionClaimsFromCookie(new Headers({ cookie }))).toBeNull();
  });

  it("reads the claims Auth.js wrote on http and on https", async () => {
    for (const name of ["authjs.session-token", "__Secure-authjs.session-token"]) {
      const found = await sessionClaimsFromCookie(new Headers({ cookie: `theme=dark; ${await cookieFor(name)}` }));
      expect(found).toMatchObject(claims);
    }
  });

  it("is no session without the cookie, with another secret's cookie, or past its expiry", async () => {
    expect(await sessionClaimsFromCookie(new Headers())).toBeNull();
    expect(await sessionClaimsFromCookie(new Headers({ cookie: await cookieFor("authjs.session-token", { secret: "someone-elses-secret-of-32-characters-or-more" }) }))).toBeNull();
    expect(await sessionClaimsFromCookie(new Headers({ cookie: "authjs.session-token=not-a-token" }))).toBeNull();
    // Expired a minute ago: past Auth.js's 15 s clock tolerance.
    expect(await sessionClaimsFromCookie(new Headers({ cookie: await cookieFor("authjs.session-token", { maxAge: -60 }) }))).toBeNull();
  });

  it("never takes a token from the Authorization header, which Auth.js's sessions never read", async () => {
    const token = (await cookieFor("authjs.session-token")).split("=")[1]!;
    expect(await sessionClaimsFromCookie(new Headers({ authorization: `Bearer ${token}` }))).toBeNull();
  });

  it("does not take a token made for the other cookie name (the name is the key's salt)", async () => {
    const token = (await cookieFor("__Secure-authjs.session-token")).split("=")[1]!;
    expect(await sessionClaimsFromCookie(new Headers({ cookie: `authjs.session-token=${token}` }))).toBeNull();
  });
});
