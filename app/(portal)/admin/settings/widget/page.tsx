import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/visitor-chat/copy-button";
import { WidgetSettingsForm } from "@/components/visitor-chat/widget-settings-form";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/require-permission";
import { serverEnv } from "@/lib/env";
import { appUrl } from "@/lib/mail/app-url";
import { timeZoneOptions } from "@/lib/time-zones";
import { getVisitorChatSettings, settingsView } from "@/lib/visitor-chat/settings";

export const metadata: Metadata = { title: "Chat widget" };

const attributes = [
  ["data-position", '"right" (default) or "left"', "Which bottom corner the chat button sits in."],
  ["data-color", 'a hex colour, e.g. "#2563eb"', "The button's and the panel's accent colour."],
  ["data-greeting", "text, up to 120 characters", "The first line visitors read when they open the chat."],
] as const;

export default async function WidgetSettingsPage() {
  const actor = await requireUser();
  requirePermission(actor, "visitors:configure");
  const settings = settingsView(await getVisitorChatSettings(getDb()));
  const snippet = `<script async src="${appUrl("/widget.js")}"></script>`;
  const example = `<script async src="${appUrl("/widget.js")}" data-position="left" data-color="#2563eb" data-greeting="Questions about a paper? Ask us."></script>`;
  const allowed = serverEnv().WIDGET_ALLOWED_ORIGINS;
  return (
    <>
      <PageHeader title="Chat widget" description="The visitor chat on the home page and on other sites: how to embed it, when it is staffed, and what CS reps can reply with." />
      <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-6">
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Embed snippet</CardTitle>
            <CardDescription>Paste it before the closing &lt;/body&gt; tag. Until a visitor clicks, it only draws a small button.</CardDescription>
          </CardHeader>
          <CardContent className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
            <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
              <pre className="min-w-0 flex-1 rounded-md bg-slate-950 px-3 py-2.5 text-xs break-all whitespace-pre-wrap text-slate-50" data-testid="embed-snippet">
                <code>{snippet}</code>
              </pre>
              <CopyButton text={snippet} label="Copy snippet" done="Snippet copied" testId="copy-snippet" />
            </div>
            <div className="min-w-0">
              <h3 className="text-sm font-medium text-slate-800">Options</h3>
              <div className="mt-2 overflow-x-auto rounded-lg border">
                <table className="w-full text-left text-sm">
                  <thead className="bg-slate-50 text-xs text-slate-600">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">Attribute</th>
                      <th scope="col" className="px-3 py-2 font-medium">Value</th>
                      <th scope="col" className="px-3 py-2 font-medium">What it does</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y">
                    {attributes.map(([name, value, what]) => (
                      <tr key={name}>
                        <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{name}</td>
                        <td className="px-3 py-2 text-slate-700">{value}</td>
                        <td className="px-3 py-2 text-slate-700">{what}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="mt-2 text-xs text-slate-600">For example:</p>
              <pre className="mt-1 rounded-md bg-slate-100 px-3 py-2 text-xs break-all whitespace-pre-wrap text-slate-800">
                <code>{example}</code>
              </pre>
            </div>
            <p className="text-sm text-slate-700">
              {allowed.length > 0 ? (
                <>
                  Other sites allowed to embed it: <span className="font-mono text-xs">{allowed.join(", ")}</span>.
                </>
              ) : (
                <>Only this app&apos;s own pages can embed it now.</>
              )}{" "}
              Other sites are added with the <span className="font-mono text-xs">WIDGET_ALLOWED_ORIGINS</span> setting of the server.
            </p>
          </CardContent>
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Hours and replies</CardTitle>
            <CardDescription>Changes apply to the widget at once.</CardDescription>
          </CardHeader>
          <CardContent>
            <WidgetSettingsForm settings={settings} timeZones={timeZoneOptions(settings.timeZone)} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
