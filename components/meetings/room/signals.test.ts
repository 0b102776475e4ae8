import { describe, expect, it } from "vitest";
import { deflateSdp, helloSchema, inflateSdp, signalSchema } from "./signals";

// A Chromium-sized offer: every codec line repeated, as a browser lists them.
const sdp = ["v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0", ...Array.from({ length: 160 }, (_, i) => `a=rtpmap:${96 + (i % 30)} VP8/90000 fmtp:${i} level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f`)].join("\r\n");

describe("room signals", () => {
  it("deflates a large SDP well under Pusher's 10 KB per event and inflates it back intact", async () => {
    expect(sdp.length).toBeGreaterThan(10_000);
    const packed = await deflateSdp(sdp);
    expect(packed.length).toBeLessThan(9_000);
    expect(await inflateSdp(packed)).toBe(sdp);
  });

  it("refuses malformed messages", () => {
    expect(helloSchema.safeParse({ session: "short", reply: false }).success).toBe(false);
    expect(helloSchema.safeParse({ session: "0123456789abcdef01234567", reply: false }).success).toBe(true);
    expect(signalSchema.safeParse({ from: "0123456789abcdef01234567", to: "0123456789abcdef01234567", candidates: Array.from({ length: 21 }, () => ({ candidate: "x" })) }).success).toBe(false);
  });
});
