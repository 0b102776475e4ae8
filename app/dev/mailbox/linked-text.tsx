import { linkSegments } from "@/lib/mail/link-segments";

/** The text version of an email, with its links clickable (opened in a new tab, as from a mail client). */
export function LinkedText({ text }: { text: string }) {
  return (
    <pre className="overflow-x-auto font-mono text-sm leading-relaxed break-words whitespace-pre-wrap text-slate-800">
      {linkSegments(text).map((segment, index) =>
        segment.href ? (
          <a key={index} href={segment.href} target="_blank" rel="noreferrer" className="break-all text-brand-700 underline underline-offset-2 hover:text-brand-900">
            {segment.text}
          </a>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </pre>
  );
}
