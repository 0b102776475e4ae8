"use client";

import { Check, X } from "lucide-react";
import { useEffect, useState } from "react";
import { Command, CommandGroup, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { cn } from "@/components/ui/cn";
import { roleLabel } from "@/lib/auth/roles";
import type { RecipientOption } from "@/lib/messaging/types";
import { threadApi } from "./thread-api";

const DEBOUNCE_MS = 250;

/**
 * People the viewer may write to, searched on the server (the policy decides who is listed) as
 * they type; chosen ones post as repeated `recipientIds` fields.
 */
export function RecipientPicker({ name, errors }: { name: string; errors?: string[] }) {
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<RecipientOption[]>([]);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState<string | null>(null);
  const [chosen, setChosen] = useState<RecipientOption[]>([]);

  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      const result = await threadApi.recipients(query.trim(), abort.signal);
      if (abort.signal.aborted) return;
      setLoading(false);
      if (result.ok) {
        setOptions(result.data);
        setFailed(null);
      } else setFailed(result.error);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);

  function toggle(option: RecipientOption) {
    setChosen((list) => (list.some((p) => p.id === option.id) ? list.filter((p) => p.id !== option.id) : [...list, option]));
  }

  const invalid = Boolean(errors?.length);
  return (
    <div className="grid gap-1.5">
      <span id="recipients-label" className="text-sm font-medium text-slate-800">
        To
      </span>
      {chosen.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Chosen recipients">
          {chosen.map((person) => (
            <li key={person.id} className="inline-flex max-w-full items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2.5 text-xs font-medium text-brand-900 ring-1 ring-brand-100">
              <span className="truncate">{person.name}</span>
              <button type="button" onClick={() => toggle(person)} className="rounded-full p-0.5 hover:bg-brand-100" aria-label={`Remove ${person.name}`}>
                <X aria-hidden="true" className="size-3" />
              </button>
              <input type="hidden" name={name} value={person.id} />
            </li>
          ))}
        </ul>
      ) : null}
      {/* cmdk names its input from `label` (it overrides an aria-label on the input). */}
      <Command shouldFilter={false} label="Search recipients" className={cn("rounded-md border shadow-xs", invalid && "border-destructive")}>
        <CommandInput
          value={query}
          onValueChange={setQuery}
          placeholder="Search people by name"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? "recipients-error" : undefined}
          data-field={name}
        />
        <CommandList className="max-h-44" aria-label="People you can write to">
          {options.length === 0 ? (
            // A listbox must hold options: while searching, or with no one to list, the status is one that cannot be chosen.
            <CommandItem disabled value="status" className="text-slate-600">
              {loading ? "Searching…" : (failed ?? (query ? "No one by that name you can write to." : "No one to write to yet."))}
            </CommandItem>
          ) : (
            <CommandGroup>
              {options.map((option) => {
                const on = chosen.some((p) => p.id === option.id);
                return (
                  <CommandItem key={option.id} value={option.id} onSelect={() => toggle(option)} aria-selected={on} data-checked={on} data-testid="recipient-option">
                    <Check aria-hidden="true" className={cn("size-4", on ? "opacity-100" : "opacity-0")} />
                    <span className="min-w-0 flex-1 truncate">{option.name}</span>
                    <span className="shrink-0 text-xs text-slate-600">
                      {roleLabel[option.role]} · {option.publicId}
                    </span>
                  </CommandItem>
                );
              })}
            </CommandGroup>
          )}
        </CommandList>
      </Command>
      {invalid ? (
        <p id="recipients-error" className="text-sm text-red-700" data-testid="error-recipientIds">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
