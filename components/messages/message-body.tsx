import { cn } from "@/components/ui/cn";
import { splitLinks } from "./linkify";

/** A body as text with its line breaks; only http(s) links become anchors, opened apart from the app. */
export function MessageBody({ body, own }: { body: string; own: boolean }) {
  return (
    <p className="text-sm leading-relaxed break-words whitespace-pre-wrap [overflow-wrap:anywhere]">
      {splitLinks(body).map((part, index) =>
        part.kind === "text" ? (
          part.text
        ) : (
          <a
            key={index}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className={cn("underline underline-offset-2", own ? "text-white decoration-white/70 hover:decoration-white" : "text-brand-700 hover:text-brand-900")}
          >
            {part.text}
          </a>
        ),
      )}
    </p>
  );
}
