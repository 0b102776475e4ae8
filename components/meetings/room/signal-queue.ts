import type { PresenceChannel } from "pusher-js";
import { roomEvents } from "./signals";

// Pusher (and our local server) allow 10 client events per second per connection; stay under it.
const EVENTS_PER_SECOND = 8;
// Candidates trickle in bursts: gathered for a moment and sent as one event.
const CANDIDATE_BATCH_MS = 60;
const MAX_CANDIDATES_PER_EVENT = 20;

// Data still being prepared (a compressed SDP) keeps its place in line: candidates gathered
// meanwhile must not overtake the description they belong to.
type Outgoing = { event: string; data: unknown; ready: boolean };

/**
 * Sends the room's client events in order, within the rate limit, and only once the channel is
 * subscribed (a message sent while Pusher reconnects waits instead of being lost).
 */
export class SignalQueue {
  private readonly pending: Outgoing[] = [];
  private readonly sentAt: number[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private batch: { from: string; to: string; candidates: RTCIceCandidateInit[] } | null = null;
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly channel: () => PresenceChannel | null) {}

  send(event: string, data: unknown): void {
    if (this.stopped) return;
    this.flushCandidates();
    if (data instanceof Promise) {
      const item: Outgoing = { event, data: null, ready: false };
      this.pending.push(item);
      data.then(
        (value: unknown) => Object.assign(item, { data: value, ready: true }),
        () => this.pending.splice(this.pending.indexOf(item), 1),
      ).finally(() => this.pump());
      return;
    }
    this.pending.push({ event, data, ready: true });
    this.pump();
  }

  candidate(route: { from: string; to: string }, candidate: RTCIceCandidateInit): void {
    if (this.stopped) return;
    if (this.batch && (this.batch.to !== route.to || this.batch.candidates.length >= MAX_CANDIDATES_PER_EVENT)) this.flushCandidates();
    this.batch ??= { ...route, candidates: [] };
    this.batch.candidates.push(candidate);
    this.batchTimer ??= setTimeout(() => this.flushCandidates(), CANDIDATE_BATCH_MS);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.batchTimer);
    this.pending.length = 0;
    this.batch = null;
  }

  private flushCandidates(): void {
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    const batch = this.batch;
    this.batch = null;
    if (batch?.candidates.length) {
      this.pending.push({ event: roomEvents.signal, data: batch, ready: true });
      this.pump();
    }
  }

  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const channel = this.channel();
    while (this.pending.length > 0) {
      if (!channel?.subscribed) return this.retryIn(250);
      const now = Date.now();
      while (this.sentAt.length && now - this.sentAt[0]! >= 1_000) this.sentAt.shift();
      if (this.sentAt.length >= EVENTS_PER_SECOND) return this.retryIn(1_000 - (now - this.sentAt[0]!) + 5);
      const next = this.pending[0]!;
      if (!next.ready) return; // pumped again when it is
      if (!channel.trigger(next.event, next.data)) return this.retryIn(250);
      this.pending.shift();
      this.sentAt.push(now);
    }
  }

  private retryIn(ms: number): void {
    if (!this.stopped) this.timer = setTimeout(() => this.pump(), Math.max(10, ms));
  }
}
