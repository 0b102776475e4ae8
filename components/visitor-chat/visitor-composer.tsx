"use client";

import { MessageSquareQuote, SendHorizontal } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { VISITOR_LIMITS } from "@/lib/visitor-chat/types";

const COUNTER_FROM = VISITOR_LIMITS.bodyMaxChars - 300;

/** Enter sends, Shift+Enter is a new line; a canned reply is put in the box to edit before sending. */
export function VisitorComposer({ cannedReplies, onSend, onTyping }: { cannedReplies: string[]; onSend: (body: string) => void; onTyping: () => void }) {
  const [body, setBody] = useState("");
  const field = useRef<HTMLTextAreaElement>(null);
  const length = Array.from(body).length;
  const tooLong = length > VISITOR_LIMITS.bodyMaxChars;
  const blocked = body.trim().length === 0 || tooLong;

  function send() {
    if (blocked) return;
    onSend(body.trim());
    setBody("");
    field.current?.focus();
  }

  return (
    <form
      data-testid="visitor-composer"
      aria-label="Reply to the visitor"
      className="border-t bg-white px-3 pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] sm:px-4 sm:pb-3"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <div className="flex items-end gap-2">
        {cannedReplies.length > 0 ? (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="icon" aria-label="Canned replies" className="shrink-0 text-slate-600" data-testid="canned-replies">
                <MessageSquareQuote aria-hidden="true" className="size-5" />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="start" side="top" className="max-h-72 w-[min(24rem,calc(100vw-2rem))] overflow-y-auto">
              <DropdownMenuLabel>Canned replies</DropdownMenuLabel>
              {cannedReplies.map((reply, index) => (
                <DropdownMenuItem
                  key={index}
                  className="whitespace-normal"
                  onSelect={() => {
                    setBody((current) => (current.trim() ? `${current.trimEnd()} ${reply}` : reply));
                    // After the menu has closed and handed focus back.
                    setTimeout(() => field.current?.focus(), 0);
                  }}
                >
                  {reply}
                </DropdownMenuItem>
              ))}
            </DropdownMenuContent>
          </DropdownMenu>
        ) : null}
        <textarea
          ref={field}
          value={body}
          rows={1}
          placeholder="Reply to the visitor…"
          aria-label="Message"
          aria-invalid={tooLong ? true : undefined}
          data-testid="visitor-composer-input"
          onChange={(event) => {
            setBody(event.target.value);
            if (event.target.value.trim()) onTyping();
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              send();
            }
          }}
          className="max-h-40 min-h-10 flex-1 resize-none rounded-md border border-input bg-background px-3 py-2 text-base shadow-xs outline-none [field-sizing:content] placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-[invalid=true]:border-destructive md:text-sm"
        />
        <Button type="submit" size="icon" aria-label="Send" disabled={blocked} className="shrink-0">
          <SendHorizontal aria-hidden="true" className="size-5" />
        </Button>
      </div>
      {length >= COUNTER_FROM ? (
        <p className={tooLong ? "mt-1 text-xs text-red-700" : "mt-1 text-xs text-slate-500"} aria-live="polite">
          {length.toLocaleString("en-US")} / {VISITOR_LIMITS.bodyMaxChars.toLocaleString("en-US")} characters
        </p>
      ) : null}
    </form>
  );
}
