import type Pusher from "pusher-js";
import type { PresenceChannel } from "pusher-js";
import { gradeConnection, sampleConnection, type ConnectionQuality, type QualitySample } from "./connection-quality";
import { SignalQueue } from "./signal-queue";
import { byeSchema, deflateSdp, helloSchema, inflateSdp, mediaStateSchema, newSession, roomChannel, roomEvents, signalSchema, type MediaState, type Signal } from "./signals";

export type CallPhase = "joining" | "waiting" | "connecting" | "connected" | "reconnecting";

export type CallState = {
  phase: CallPhase;
  /** The other person is subscribed to the room's channel. */
  otherPresent: boolean;
  remoteStream: MediaStream | null;
  remoteMedia: MediaState | null;
  quality: ConnectionQuality | null;
  error: string | null;
};

export type CallOptions = {
  pusher: Pusher;
  meetingId: string;
  me: { userId: string };
  other: { userId: string };
  iceServers: RTCIceServer[];
  onChange: (state: CallState) => void;
};

type Peer = {
  pc: RTCPeerConnection;
  remoteSession: string;
  // MDN's "perfect negotiation" flags, one set per connection.
  makingOffer: boolean;
  ignoreOffer: boolean;
  isSettingRemoteAnswerPending: boolean;
  // Signals are handled one at a time, in the order they came.
  inbox: Promise<void>;
  senders: { audio: RTCRtpSender | null; video: RTCRtpSender | null };
  disconnectedTimer: ReturnType<typeof setTimeout> | undefined;
};

type PresenceMetadata = { user_id?: string } | undefined;

/** How long ICE may stay "disconnected" before we restart it rather than wait for it to recover. */
const RESTART_AFTER_DISCONNECTED_MS = 3_000;
const STATS_EVERY_MS = 2_000;

/**
 * One participant's side of the 1-on-1 call: signaling over presence-meeting-{id} client events and
 * the RTCPeerConnection, negotiated with MDN's "perfect negotiation" so either side may join first,
 * reload or rejoin. The polite peer (the greater user id) yields when both offer at once.
 *
 * Each Join is a session. A hello with a session we are not connected to means the other side is a
 * fresh peer (first join, reload, rejoin): we drop any old connection and start a new one, and
 * answer with our own session so they do the same. A Pusher reconnect re-sends the same session, so
 * an intact call is left alone (media flows peer to peer, not through Pusher).
 */
export class CallSession {
  private readonly session = newSession();
  private readonly polite: boolean;
  private readonly channelName: string;
  private channel: PresenceChannel | null = null;
  private readonly queue: SignalQueue;
  private peer: Peer | null = null;
  private local: { stream: MediaStream; audio: MediaStreamTrack | null; video: MediaStreamTrack | null } | null = null;
  private mediaState: MediaState = { muted: false, cameraOff: false, sharing: false };
  private state: CallState = { phase: "joining", otherPresent: false, remoteStream: null, remoteMedia: null, quality: null, error: null };
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private lastSample: QualitySample | null = null;
  private closed = false;

  constructor(private readonly options: CallOptions) {
    this.polite = options.me.userId > options.other.userId;
    this.channelName = roomChannel(options.meetingId);
    this.queue = new SignalQueue(() => this.channel);
  }

  /** Joins the channel with the tracks to send (the video track may be a shared screen). */
  start(stream: MediaStream, video: MediaStreamTrack | null): void {
    this.local = { stream, audio: stream.getAudioTracks()[0] ?? null, video };
    const channel = this.options.pusher.subscribe(this.channelName) as PresenceChannel;
    this.channel = channel;
    channel.bind("pusher:subscription_succeeded", this.onSubscribed);
    channel.bind("pusher:subscription_error", this.onSubscriptionError);
    channel.bind("pusher:member_added", this.onMemberAdded);
    channel.bind("pusher:member_removed", this.onMemberRemoved);
    channel.bind(roomEvents.hello, this.onHello);
    channel.bind(roomEvents.signal, this.onSignal);
    channel.bind(roomEvents.mediaState, this.onMediaState);
    channel.bind(roomEvents.bye, this.onBye);
    // Already subscribed (a quick rejoin on the same connection): pusher-js will not fire again.
    if (channel.subscribed) this.onSubscribed();
    this.statsTimer = setInterval(() => void this.sampleQuality(), STATS_EVERY_MS);
  }

  /** Leaves the call: tells the other side at once (they stop waiting for our media) and closes. */
  leave(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.statsTimer);
    const channel = this.channel;
    if (channel?.subscribed) channel.trigger(roomEvents.bye, { from: this.session });
    this.queue.stop();
    this.closePeer();
    if (channel) {
      channel.unbind("pusher:subscription_succeeded", this.onSubscribed);
      channel.unbind("pusher:subscription_error", this.onSubscriptionError);
      channel.unbind("pusher:member_added", this.onMemberAdded);
      channel.unbind("pusher:member_removed", this.onMemberRemoved);
      channel.unbind(roomEvents.hello, this.onHello);
      channel.unbind(roomEvents.signal, this.onSignal);
      channel.unbind(roomEvents.mediaState, this.onMediaState);
      channel.unbind(roomEvents.bye, this.onBye);
      this.options.pusher.unsubscribe(this.channelName);
    }
    this.channel = null;
  }

  /** Switches what we send without renegotiating: another camera or microphone, or a shared screen. */
  async replaceTrack(kind: "audio" | "video", track: MediaStreamTrack | null): Promise<void> {
    if (!this.local) return;
    if (kind === "audio") this.local.audio = track;
    else this.local.video = track;
    const sender = this.peer?.senders[kind];
    if (sender) await sender.replaceTrack(track);
  }

  setLocalStream(stream: MediaStream): void {
    if (this.local) this.local.stream = stream;
  }

  /** Our mute / camera / sharing state, shown on the other side. */
  setMediaState(state: MediaState): void {
    this.mediaState = state;
    this.sendMediaState();
  }

  /** The connection, for the bench and tests (getStats). */
  get connection(): RTCPeerConnection | null {
    return this.peer?.pc ?? null;
  }

  private update(patch: Partial<CallState>): void {
    if (this.closed) return;
    this.state = { ...this.state, ...patch };
    this.options.onChange(this.state);
  }

  private isOther(metadata: PresenceMetadata): boolean {
    return metadata?.user_id === this.options.other.userId;
  }

  private readonly onSubscribed = () => {
    const present = Boolean(this.channel?.members.get(this.options.other.userId));
    this.update({ otherPresent: present, phase: this.peer ? this.state.phase : "waiting", error: null });
    this.queue.send(roomEvents.hello, { session: this.session, reply: false });
  };

  private readonly onSubscriptionError = (error: { status?: number } | undefined) => {
    this.update({ error: error?.status === 403 ? "The room is closed, or you are not a participant." : "Could not reach the room. Check your connection and try again." });
  };

  private readonly onMemberAdded = (member: { id: string }) => {
    if (member.id === this.options.other.userId) this.update({ otherPresent: true });
  };

  private readonly onMemberRemoved = (member: { id: string }) => {
    // Their connection to Pusher dropped; the call itself may well still be flowing. ICE decides.
    if (member.id === this.options.other.userId) this.update({ otherPresent: false, phase: this.peer ? "reconnecting" : "waiting" });
  };

  private readonly onHello = (data: unknown, metadata: PresenceMetadata) => {
    const hello = helloSchema.safeParse(data);
    if (!hello.success || !this.isOther(metadata)) return;
    this.update({ otherPresent: true });
    if (this.peer?.remoteSession !== hello.data.session) this.createPeer(hello.data.session);
    if (!hello.data.reply) this.queue.send(roomEvents.hello, { session: this.session, reply: true });
    this.sendMediaState();
  };

  private readonly onBye = (data: unknown, metadata: PresenceMetadata) => {
    const bye = byeSchema.safeParse(data);
    if (!bye.success || !this.isOther(metadata) || bye.data.from !== this.peer?.remoteSession) return;
    this.closePeer();
    this.update({ phase: "waiting", remoteStream: null, remoteMedia: null, quality: null });
  };

  private readonly onMediaState = (data: unknown, metadata: PresenceMetadata) => {
    const parsed = mediaStateSchema.safeParse(data);
    if (!parsed.success || !this.isOther(metadata)) return;
    const { muted, cameraOff, sharing } = parsed.data;
    this.update({ remoteMedia: { muted, cameraOff, sharing } });
  };

  private sendMediaState(): void {
    if (this.channel) this.queue.send(roomEvents.mediaState, { from: this.session, ...this.mediaState });
  }

  private readonly onSignal = (data: unknown, metadata: PresenceMetadata) => {
    const parsed = signalSchema.safeParse(data);
    const peer = this.peer;
    if (!parsed.success || !this.isOther(metadata) || !peer) return;
    // Meant for an earlier session of ours, or from one of theirs we no longer talk to.
    if (parsed.data.to !== this.session || parsed.data.from !== peer.remoteSession) return;
    peer.inbox = peer.inbox.then(() => this.handleSignal(peer, parsed.data)).catch((error: unknown) => console.error("room signal", error));
  };

  /** MDN "perfect negotiation", receiving side. */
  private async handleSignal(peer: Peer, signal: Signal): Promise<void> {
    const { pc } = peer;
    if (this.peer !== peer) return;
    if (signal.description) {
      const description: RTCSessionDescriptionInit = { type: signal.description.type, sdp: await inflateSdp(signal.description.sdpDeflated) };
      const readyForOffer = !peer.makingOffer && (pc.signalingState === "stable" || peer.isSettingRemoteAnswerPending);
      const offerCollision = description.type === "offer" && !readyForOffer;
      peer.ignoreOffer = !this.polite && offerCollision;
      if (peer.ignoreOffer) return;
      peer.isSettingRemoteAnswerPending = description.type === "answer";
      await pc.setRemoteDescription(description);
      peer.isSettingRemoteAnswerPending = false;
      if (description.type === "offer") {
        await pc.setLocalDescription();
        this.sendDescription(peer);
      }
    }
    for (const candidate of signal.candidates ?? []) {
      try {
        await pc.addIceCandidate(candidate);
      } catch (error) {
        if (!peer.ignoreOffer) throw error;
      }
    }
  }

  /** Queued at once (ahead of its candidates), sent once compressed. */
  private sendDescription(peer: Peer): void {
    const description = peer.pc.localDescription;
    if (!description || this.peer !== peer) return;
    const route = { from: this.session, to: peer.remoteSession };
    this.queue.send(roomEvents.signal, deflateSdp(description.sdp).then((sdpDeflated): Signal => ({ ...route, description: { type: description.type, sdpDeflated } })));
  }

  private createPeer(remoteSession: string): void {
    this.closePeer();
    const pc = new RTCPeerConnection({ iceServers: this.options.iceServers });
    const peer: Peer = { pc, remoteSession, makingOffer: false, ignoreOffer: false, isSettingRemoteAnswerPending: false, inbox: Promise.resolve(), senders: { audio: null, video: null }, disconnectedTimer: undefined };
    this.peer = peer;
    this.lastSample = null;
    this.update({ phase: "connecting", remoteStream: null, quality: null });

    pc.ontrack = ({ track, streams }) => {
      if (this.peer !== peer) return;
      const stream = streams[0] ?? this.state.remoteStream ?? new MediaStream();
      if (!stream.getTracks().includes(track)) stream.addTrack(track);
      this.update({ remoteStream: stream });
    };
    // MDN "perfect negotiation", sending side.
    pc.onnegotiationneeded = async () => {
      try {
        peer.makingOffer = true;
        await pc.setLocalDescription();
        this.sendDescription(peer);
      } catch (error) {
        console.error("room negotiation", error);
      } finally {
        peer.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (candidate && this.peer === peer) this.queue.candidate({ from: this.session, to: peer.remoteSession }, candidate.toJSON());
    };
    pc.oniceconnectionstatechange = () => this.onIceState(peer);
    pc.onconnectionstatechange = () => {
      if (this.peer !== peer) return;
      if (pc.connectionState === "connected") this.update({ phase: "connected", error: null });
      else if (pc.connectionState === "disconnected" || pc.connectionState === "failed") this.update({ phase: "reconnecting" });
    };

    if (this.local) {
      // Two transceivers in a fixed order even with no camera, so replaceTrack can fill them later.
      const { stream, audio, video } = this.local;
      peer.senders.audio = audio ? pc.addTrack(audio, stream) : pc.addTransceiver("audio", { direction: "sendrecv", streams: [stream] }).sender;
      peer.senders.video = video ? pc.addTrack(video, stream) : pc.addTransceiver("video", { direction: "sendrecv", streams: [stream] }).sender;
    }
  }

  /** A network blip: "failed" restarts ICE at once, "disconnected" after a few seconds of it. */
  private onIceState(peer: Peer): void {
    if (this.peer !== peer) return;
    const { pc } = peer;
    clearTimeout(peer.disconnectedTimer);
    if (pc.iceConnectionState === "failed") {
      pc.restartIce();
    } else if (pc.iceConnectionState === "disconnected") {
      peer.disconnectedTimer = setTimeout(() => {
        if (this.peer === peer && pc.iceConnectionState === "disconnected") pc.restartIce();
      }, RESTART_AFTER_DISCONNECTED_MS);
    }
  }

  private async sampleQuality(): Promise<void> {
    const pc = this.peer?.pc;
    if (!pc || pc.connectionState !== "connected") return;
    const sample = await sampleConnection(pc);
    const quality = gradeConnection(this.lastSample, sample);
    this.lastSample = sample;
    if (quality !== this.state.quality) this.update({ quality });
  }

  private closePeer(): void {
    const peer = this.peer;
    if (!peer) return;
    this.peer = null;
    clearTimeout(peer.disconnectedTimer);
    peer.pc.ontrack = null;
    peer.pc.onnegotiationneeded = null;
    peer.pc.onicecandidate = null;
    peer.pc.oniceconnectionstatechange = null;
    peer.pc.onconnectionstatechange = null;
    peer.pc.close();
  }
}
