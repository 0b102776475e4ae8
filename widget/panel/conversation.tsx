/** @jsxImportSource preact */
import { useEffect, useRef, useState } from "preact/hooks";
import { VISITOR_LIMITS, type VisitorMessageView, type VisitorSessionPublic } from "@/lib/visitor-chat/types";
import { lastVisitorMessage } from "./merge";

/** A message on its way (or that failed to go), shown until the server's copy replaces it. */
export type PendingMessage = { clientMessageId: string; body: string; failed: boolean; error?: string };

type Props = {
  session: VisitorSessionPublic;
  messages: VisitorMessageView[];
  pending: PendingMessage[];
  email: string | null;
  typingName: string | null;
  notice: string | null;
  registerUrl: string;
  onSend: (body: string) => void;
  onRetry: (message: PendingMessage) => void;
  onTyping: () => void;
  onStartOver: () => void;
};

const time = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
};

export function Conversation({ session, messages, pending, email, typingName, notice, registerUrl, onSend, onRetry, onTyping, onStartOver }: Props) {
  const [draft, setDraft] = useState("");
  const list = useRef<HTMLDivElement>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  const ended = session.status === "closed" || session.status === "converted";
  const lastMine = lastVisitorMessage(messages);
  const seen = lastMine !== undefined && session.staffReadSeq >= lastMine.seq && pending.length === 0;
  const max = VISITOR_LIMITS.bodyMaxChars;

  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [messages.length, pending.length, typingName]);

  useEffect(() => {
    if (!ended) composer.current?.focus();
  }, [ended]);

  const submit = (event?: Event) => {
    event?.preventDefault();
    const body = draft.trim();
    if (!body || body.length > max || ended) return;
    onSend(body);
    setDraft("");
  };

  return (
    <>
      <div class="body" ref={list}>
        {session.offline ? (
          <p class="note away">
            {email ? `Thanks! Nobody is here right now; we'll email you at ${email}.` : "Thanks! Nobody is here right now; we'll reply as soon as we're back."}
          </p>
        ) : null}
        <div class="log" role="log" aria-live="polite" aria-label="Conversation">
          {messages.map((message) => (
            <div key={message.id} class={`msg ${message.author === "visitor" ? "me" : "staff"}`}>
              {message.author === "staff" ? <p class="who">{message.authorName ?? "Support"}</p> : null}
              {/* Text only: what anyone types is never parsed as HTML. */}
              <p class="b">{message.body}</p>
              <p class="meta">
                <span class="sr">{message.author === "visitor" ? "You, " : ""}</span>
                {time(message.createdAt)}
                {message === lastMine && seen ? " · Seen" : ""}
              </p>
            </div>
          ))}
          {pending.map((item) => (
            <div key={item.clientMessageId} class="msg me pending">
              <p class="b">{item.body}</p>
              <p class="meta">
                {item.failed ? (
                  <>
                    {item.error ?? "Not sent."}{" "}
                    <button type="button" onClick={() => onRetry(item)}>
                      Retry
                    </button>
                  </>
                ) : (
                  "Sending…"
                )}
              </p>
            </div>
          ))}
        </div>
        {typingName && !ended ? <p class="typing">{typingName} is typing…</p> : null}
        {notice ? (
          <p class="note err" role="alert">
            {notice}
          </p>
        ) : null}
        {ended ? (
          <div class="ended" role="status">
            <p>{session.status === "converted" ? "This conversation has moved to your account." : "This conversation has ended."}</p>
            <button type="button" class="btn ghost" onClick={onStartOver}>
              Start a new conversation
            </button>
          </div>
        ) : null}
      </div>
      {ended ? null : (
        <div class="composer">
          <form onSubmit={submit}>
            <label class="sr" for="composer">
              Message
            </label>
            <textarea
              id="composer"
              ref={composer}
              rows={1}
              value={draft}
              maxLength={max}
              placeholder="Write a message…"
              aria-describedby="count"
              onInput={(event) => {
                setDraft(event.currentTarget.value);
                onTyping();
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter" && !event.shiftKey && !event.isComposing) submit(event);
              }}
            />
            <button class="btn" type="submit" disabled={!draft.trim() || draft.length > max}>
              Send
            </button>
          </form>
          <p id="count" class={`count${draft.length > max ? " over" : ""}`}>
            {draft.length} / {max}
          </p>
        </div>
      )}
      {session.status !== "converted" ? (
        <p class="foot">
          Keep this conversation:{" "}
          <a href={registerUrl} target="_blank" rel="noopener noreferrer">
            Create an account
          </a>
        </p>
      ) : null}
    </>
  );
}
