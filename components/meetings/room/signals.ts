import { z } from "zod";

/**
 * The room's client events on presence-meeting-{id}. Every message names the sender's session (one
 * per Join, so a reload or a rejoin is a new peer) and, for the call itself, the session it is for:
 * a message meant for an earlier session of ours is dropped.
 */
export const roomEvents = {
  hello: "client-hello",
  signal: "client-signal",
  mediaState: "client-media-state",
  bye: "client-bye",
} as const;

export function roomChannel(meetingId: string): string {
  return `presence-meeting-${meetingId}`;
}

const session = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** "I am here as `session`"; `reply` answers someone else's hello (and is never answered itself). */
export const helloSchema = z.object({ session, reply: z.boolean() });
export type Hello = z.infer<typeof helloSchema>;

const candidateSchema = z.object({
  candidate: z.string().max(2_000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

/** An offer or answer, its SDP deflated and base64-encoded so it fits Pusher's 10 KB per event. */
export const signalSchema = z.object({
  from: session,
  to: session,
  description: z.object({ type: z.enum(["offer", "answer", "pranswer", "rollback"]), sdpDeflated: z.string().max(9_000) }).optional(),
  candidates: z.array(candidateSchema).max(20).optional(),
});
export type Signal = z.infer<typeof signalSchema>;

export const mediaStateSchema = z.object({ from: session, muted: z.boolean(), cameraOff: z.boolean(), sharing: z.boolean() });
export type MediaState = Omit<z.infer<typeof mediaStateSchema>, "from">;

export const byeSchema = z.object({ from: session });

export function newSession(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function pipe(text: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([text as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** SDP compresses about 3:1; Chromium's offers with every codec listed can pass 10 KB uncompressed. */
export async function deflateSdp(sdp: string): Promise<string> {
  const bytes = await pipe(new TextEncoder().encode(sdp), new CompressionStream("deflate-raw"));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export async function inflateSdp(encoded: string): Promise<string> {
  const binary = atob(encoded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(await pipe(bytes, new DecompressionStream("deflate-raw")));
}
