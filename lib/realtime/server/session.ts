import { randomInt } from "node:crypto";
import { WebSocket } from "ws";
import type { ChannelRegistry, Subscriber } from "./channels";
import type { RealtimeServerConfig } from "./config";
import type { Logger } from "./logger";

export interface ProtocolContext {
  readonly config: RealtimeServerConfig;
  readonly registry: ChannelRegistry;
  readonly logger: Logger;
}

/** Pusher socket ids are two integers joined by a dot; the `pusher` SDK rejects anything else for `socket_id`. */
export function newSocketId(): string {
  return `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`;
}

/** Per-connection state. Protocol decisions live in socket-protocol.ts and its handlers. */
export class SocketSession implements Subscriber {
  readonly subscriptions = new Set<string>();
  lastSeenAt = Date.now();
  pingSentAt: number | null = null;
  private rateWindowStart = 0;
  private rateWindowCount = 0;

  constructor(
    readonly id: string,
    private readonly ws: WebSocket,
  ) {}

  send(frame: Buffer): void {
    // A socket can close between a broadcast being planned and delivered; sending then would throw.
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame, { binary: false });
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason);
    }
  }

  terminate(): void {
    this.ws.terminate();
  }

  get isClosed(): boolean {
    return this.ws.readyState === WebSocket.CLOSED;
  }

  markActive(now: number = Date.now()): void {
    this.lastSeenAt = now;
    this.pingSentAt = null;
  }

  /** Fixed one-second window: cheap, and matches how Pusher words the limit ("N per second"). */
  allowClientEvent(perSecond: number, now: number = Date.now()): boolean {
    if (now - this.rateWindowStart >= 1000) {
      this.rateWindowStart = now;
      this.rateWindowCount = 0;
    }
    this.rateWindowCount += 1;
    return this.rateWindowCount <= perSecond;
  }
}
