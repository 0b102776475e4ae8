import { cn } from "@/components/ui/cn";

// The few elements the sanitizer lets through, styled here since the kit has no prose styles.
const body =
  "text-sm leading-6 break-words [&_a]:font-medium [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h3]:mt-3 [&_h3]:font-semibold [&_h4]:mt-2 [&_h4]:font-medium [&_hr]:my-3 [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-1.5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5";

/**
 * An announcement's body. `html` comes only from renderAnnouncementMarkdown on the server, which
 * keeps a strict allow-list (no raw HTML, no scripts, only http/https/mailto links).
 */
export function MarkdownBody({ html, className }: { html: string; className?: string }) {
  return <div className={cn(body, className)} dangerouslySetInnerHTML={{ __html: html }} />;
}
