/** @jsxImportSource preact */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { RealtimeClientConfig } from "@/lib/realtime/config";
import { VISITOR_LIMITS, type VisitorMessageView, type VisitorSessionPublic, type WidgetAvailability } from "@/lib/visitor-chat/types";
import { acceptedHostOrigin, isFromPeer, parseHostMessage, type HostIdentity, type PanelMessage } from "../protocol";
import { api, EMAIL_KEY, stored, TOKEN_KEY, uuid } from "./api";
import { Conversation, type PendingMessage } from "./conversation";
import { lastSeq, mergeMessages } from "./merge";
import { readPanelParams } from "./params";
import { PreChatForm, type PreChatValues } from "./pre-chat-form";
import { connectSession, type SessionConnection } from "./realtime";

export type PanelConfig = { realtime: RealtimeClientConfig | null; allowedOrigins: string[] };

type Phase = "loading" | "form" | "chat" | "blocked";

/** When nothing answers: the safe assumption is that nobody is there, so an email is asked for. */
const UNKNOWN_AVAILABILITY: WidgetAvailability = { online: false, withinHours: false, awayMessage: "", requireEmail: true };

const TYPING_SHOWN_MS = 6_000;
const TYPING_SEND_EVERY_MS = 3_000;

const ended = (session: VisitorSessionPublic | null) => session?.status === "closed" || session?.status === "converted";

export function App({ config }: { config: PanelConfig }) {
  const params = useMemo(() => readPanelParams(location.hash), []);
  const embedded = window.parent !== window;
  // The browser's word on who frames us, where it gives it (Chromium, Safari).
  const ancestor = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins?.[0] ?? null;
  const hostOrigin = useMemo(
    () => (embedded ? acceptedHostOrigin(params.origin, location.origin, config.allowedOrigins, ancestor) : null),
    [embedded, params.origin, config.allowedOrigins, ancestor],
  );

  const [phase, setPhase] = useState<Phase>(embedded && !hostOrigin ? "blocked" : "loading");
  const [availability, setAvailability] = useState<WidgetAvailability>(UNKNOWN_AVAILABILITY);
  const [token, setToken] = useState<string | null>(() => stored.get(TOKEN_KEY));
  const [email, setEmail] = useState<string | null>(() => stored.get(EMAIL_KEY));
  const [session, setSession] = useState<VisitorSessionPublic | null>(null);
  const [messages, setMessages] = useState<VisitorMessageView[]>([]);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [live, setLive] = useState<"connecting" | "subscribed" | "off">(config.realtime ? "connecting" : "off");
  const [typingName, setTypingName] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState(true);
  const [visible, setVisible] = useState(() => document.visibilityState === "visible");
  const identity = useRef<HostIdentity | null>(null);
  const page = useRef({ pageUrl: params.pageUrl || (embedded ? "" : location.href), referrer: params.referrer });
  const connection = useRef<SessionConnection | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastTypingSent = useRef(0);
  const readSent = useRef(0);
  const unreadFlag = useRef(false);
  const previousToken = useRef<string | null>(null);
  const sessionId = session?.id ?? null;
  const sessionEnded = ended(session);

  const post = useCallback((message: PanelMessage) => {
    if (hostOrigin) window.parent.postMessage(message, hostOrigin);
  }, [hostOrigin]);

  useEffect(() => {
    if (!hostOrigin) return;
    const onMessage = (event: MessageEvent) => {
      if (!isFromPeer(event, hostOrigin, window.parent)) return;
      const message = parseHostMessage(event.data);
      if (message?.type === "nano:identity") identity.current = message.identity;
      else if (message?.type === "nano:page") page.current = { pageUrl: message.pageUrl, referrer: message.referrer };
      else if (message?.type === "nano:open") setOpen(message.open);
    };
    addEventListener("message", onMessage);
    return () => removeEventListener("message", onMessage);
  }, [hostOrigin]);

  useEffect(() => {
    const onVisibility = () => setVisible(document.visibilityState === "visible");
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, []);

  // First load: availability for the form, and the stored conversation if there is one.
  const initialToken = useRef(token);
  useEffect(() => {
    if (phase !== "loading") return;
    let cancelled = false;
    const resumeToken = initialToken.current;
    void (async () => {
      const [available, resumed] = await Promise.all([
        api<WidgetAvailability>("/api/widget/availability"),
        resumeToken ? api<{ session: VisitorSessionPublic; messages: VisitorMessageView[] }>("/api/widget/session", { token: resumeToken }) : null,
      ]);
      if (cancelled) return;
      setAvailability(available.ok ? available.data : UNKNOWN_AVAILABILITY);
      if (resumed?.ok) {
        setSession(resumed.data.session);
        setMessages(mergeMessages([], resumed.data.messages));
        setPhase("chat");
        return;
      }
      // An expired or unknown token starts over; a network failure keeps it for the next load.
      if (resumed && (resumed.status === 401 || resumed.status === 403 || resumed.status === 404)) {
        stored.set(TOKEN_KEY, null);
        setToken(null);
      }
      setPhase("form");
    })();
    return () => {
      cancelled = true;
    };
  }, [phase]);

  const lastSeqRef = useRef(0);
  useEffect(() => {
    lastSeqRef.current = lastSeq(messages);
  }, [messages]);

  const catchUp = useCallback(async () => {
    if (!token) return;
    const current = await api<{ session: VisitorSessionPublic; messages: VisitorMessageView[] }>("/api/widget/session", { token });
    if (current.ok) setSession(current.data.session);
    // A full page means there is more: ask again from the last one held.
    let after = lastSeqRef.current;
    for (let page = 0; page < 20; page++) {
      const fresh = await api<{ messages: VisitorMessageView[] }>(`/api/widget/messages?after=${after}`, { token });
      if (!fresh.ok) return;
      const got = fresh.data.messages;
      setMessages((held) => mergeMessages(held, got));
      if (got.length < VISITOR_LIMITS.pageSize) return;
      after = lastSeq(got);
    }
  }, [token]);
  const onStaffMessage = useRef<() => void>(() => {});
  useEffect(() => {
    onStaffMessage.current = () => {
      if (open && visible) return;
      unreadFlag.current = true;
      post({ type: "nano:unread", unread: true });
    };
  }, [open, visible, post]);

  // The live channel, for as long as the conversation can still change.
  useEffect(() => {
    if (!config.realtime || !token || !sessionId || sessionEnded) return;
    setLive("connecting");
    const connected = connectSession(config.realtime, sessionId, token, {
      subscribed: () => setLive("subscribed"),
      failed: () => setLive((state) => (state === "subscribed" ? state : "off")),
      message: (message) => {
        setMessages((held) => mergeMessages(held, [message]));
        // Our own message may come back by event before its send answers: show it once.
        if (message.author === "visitor") {
          setPending((held) => {
            const index = held.findIndex((item) => !item.failed && item.body === message.body);
            return index < 0 ? held : held.filter((_, i) => i !== index);
          });
        }
        if (message.author === "staff") {
          setTypingName(null);
          onStaffMessage.current();
        }
      },
      read: (side, seq) => {
        if (side === "staff") setSession((current) => (current && seq > current.staffReadSeq ? { ...current, staffReadSeq: seq } : current));
      },
      session: (next) => setSession((current) => (current && current.id === next.id ? next : current)),
      typing: (side, name) => {
        if (side !== "staff") return;
        setTypingName(name);
        clearTimeout(typingTimer.current);
        typingTimer.current = setTimeout(() => setTypingName(null), TYPING_SHOWN_MS);
      },
      reconnected: () => void catchUp(),
    });
    connection.current = connected;
    return () => {
      connected.disconnect();
      connection.current = null;
      clearTimeout(typingTimer.current);
    };
  }, [config.realtime, token, sessionId, sessionEnded, catchUp]);

  // Seen: while the panel is open and on screen, what is shown has been read.
  const newest = lastSeq(messages);
  useEffect(() => {
    if (phase !== "chat" || !token || !open || !visible) return;
    if (unreadFlag.current) {
      unreadFlag.current = false;
      post({ type: "nano:unread", unread: false });
    }
    if (newest > readSent.current) {
      readSent.current = newest;
      void api("/api/widget/read", { method: "POST", token, body: { seq: newest } });
    }
  }, [phase, token, open, visible, newest, post]);

  const ready = phase === "form" || phase === "blocked" || (phase === "chat" && (sessionEnded || live !== "connecting"));
  const announced = useRef(false);
  useEffect(() => {
    if (!ready || announced.current) return;
    announced.current = true;
    post({ type: "nano:ready" });
  }, [ready, post]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") post({ type: "nano:close" });
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [post]);

  const start = async (values: PreChatValues) => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const result = await api<{ token: string; session: VisitorSessionPublic; messages: VisitorMessageView[] }>("/api/widget/sessions", {
      method: "POST",
      body: {
        name: values.name,
        email: values.email || undefined,
        question: values.question,
        website: values.website,
        pageUrl: page.current.pageUrl,
        referrer: page.current.referrer,
        timeZone,
        clientMessageId: uuid(),
        identity: identity.current ? { ...identity.current, timestamp: Number(identity.current.timestamp) } : undefined,
      },
      // A visitor starting over is known by their earlier token, so CS reps see their earlier conversations.
      token: previousToken.current,
    });
    if (!result.ok) return result;
    stored.set(TOKEN_KEY, result.data.token);
    stored.set(EMAIL_KEY, values.email || null);
    readSent.current = 0;
    setEmail(values.email || null);
    setToken(result.data.token);
    setSession(result.data.session);
    setMessages(mergeMessages([], result.data.messages));
    setPending([]);
    setNotice(null);
    setPhase("chat");
    return null;
  };

  const send = async (body: string, clientMessageId = uuid()) => {
    if (!token) return;
    setNotice(null);
    setPending((held) => [...held.filter((item) => item.clientMessageId !== clientMessageId), { clientMessageId, body, failed: false }]);
    const result = await api<VisitorMessageView>("/api/widget/messages", { method: "POST", token, body: { clientMessageId, body } });
    if (result.ok) {
      setMessages((held) => mergeMessages(held, [result.data]));
      setPending((held) => held.filter((item) => item.clientMessageId !== clientMessageId));
    } else if (result.status === 409 || result.status === 401) {
      setPending((held) => held.filter((item) => item.clientMessageId !== clientMessageId));
      setNotice(result.error);
      void catchUp();
    } else {
      setPending((held) => held.map((item) => (item.clientMessageId === clientMessageId ? { ...item, failed: true, error: result.error } : item)));
    }
  };

  const typing = () => {
    const now = Date.now();
    if (live !== "subscribed" || !session || now - lastTypingSent.current < TYPING_SEND_EVERY_MS) return;
    lastTypingSent.current = now;
    connection.current?.channel.trigger("client-typing", { side: "visitor", name: session.name });
  };

  const startOver = () => {
    previousToken.current = token;
    stored.set(TOKEN_KEY, null);
    setToken(null);
    setSession(null);
    setMessages([]);
    setPending([]);
    setNotice(null);
    setPhase("form");
  };

  const offline = !availability.online;
  const subtitle =
    phase === "chat" && session
      ? sessionEnded
        ? "Conversation ended"
        : session.agentName
          ? `You're chatting with ${session.agentName}`
          : session.offline
            ? "We're away: we'll email you"
            : "Waiting for a CS rep…"
      : offline
        ? "We're away right now"
        : "We usually reply in a few minutes";

  return (
    <div class="panel" data-ready={ready ? "true" : undefined} data-phase={phase}>
      <div class="head">
        <div>
          <h1>Chat with us</h1>
          <p>{phase === "loading" || phase === "blocked" ? " " : subtitle}</p>
        </div>
        {hostOrigin ? (
          <button type="button" class="x" aria-label="Close chat" onClick={() => post({ type: "nano:close" })}>
            ×
          </button>
        ) : null}
      </div>
      {phase === "loading" ? (
        <div class="body center" role="status">
          Loading…
        </div>
      ) : phase === "blocked" ? (
        <div class="body center">This site is not allowed to show our chat.</div>
      ) : phase === "form" ? (
        <PreChatForm greeting={params.greeting} availability={availability} onSubmit={start} />
      ) : session ? (
        <Conversation
          session={session}
          messages={messages}
          pending={pending}
          email={email}
          typingName={typingName}
          notice={notice}
          registerUrl={`${location.origin}/register?${new URLSearchParams({ visitor: session.id, ...(email ? { email } : {}) })}`}
          onSend={(body) => void send(body)}
          onRetry={(item) => void send(item.body, item.clientMessageId)}
          onTyping={typing}
          onStartOver={startOver}
        />
      ) : null}
    </div>
  );
}
