"use client";

import { useQuery } from "@tanstack/react-query";
import { CheckIcon, ChevronsUpDownIcon } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Command, CommandGroup, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { roleLabel } from "@/lib/auth/roles";
import type { InviteeOption } from "@/lib/meetings/types";
import { meetingApi } from "./meeting-api";
import { useHydrated } from "./use-hydrated";

const DEBOUNCE_MS = 250;

function useDebounced(value: string): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return debounced;
}

type Props = {
  name: string;
  value: InviteeOption | null;
  onChange: (option: InviteeOption | null) => void;
  errors?: string[];
};

/**
 * Who to meet: a combobox searched on the server as the organizer types, since the policy decides
 * who is listed (the people they share accepted work with, or anyone for staff). Posts the user id.
 */
export function InviteePicker({ name, value, onChange, errors }: Props) {
  const id = `invitee-${useId().replace(/:/g, "")}`;
  const [open, setOpen] = useState(false);
  const ready = useHydrated();
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim());
  const { data, isFetching, error } = useQuery({
    queryKey: ["meeting-invitees", q],
    queryFn: async ({ signal }) => {
      const result = await meetingApi.invitees(q, signal);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    enabled: open,
    staleTime: 30_000,
  });
  const options = data ?? [];
  const invalid = Boolean(errors?.length);
  const describedBy = invalid ? `${id}-error` : undefined;
  return (
    <div className="grid gap-1.5" data-field-wrapper>
      <label id={`${id}-label`} htmlFor={id} className="text-sm font-medium text-slate-800">
        Who to meet
      </label>
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <button
            id={id}
            type="button"
            role="combobox"
            aria-expanded={open}
            aria-haspopup="listbox"
            aria-controls={`${id}-list`}
            aria-labelledby={`${id}-label ${id}`}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            data-field={name}
            data-testid="invitee-picker"
            disabled={!ready}
            className="flex h-10 w-full min-w-0 items-center justify-between gap-2 rounded-md border border-input bg-background px-3 text-left text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-60 aria-invalid:border-destructive"
          >
            <span className={cn("min-w-0 truncate", !value && "text-muted-foreground")}>{value ? `${value.name} (${roleLabel[value.role]})` : "Choose a person…"}</span>
            <ChevronsUpDownIcon aria-hidden className="size-4 shrink-0 text-muted-foreground" />
          </button>
        </PopoverTrigger>
        <PopoverContent className="w-(--radix-popover-trigger-width) min-w-64 p-0" align="start">
          <Command shouldFilter={false} label="Search people">
            <CommandInput value={query} onValueChange={setQuery} placeholder="Search by name or ID" />
            <CommandList id={`${id}-list`} aria-label="People you can meet" className="max-h-60">
              {options.length === 0 ? (
                // A listbox must hold options: while searching, or with no one to list, the status is one that cannot be chosen.
                <CommandItem disabled value="status" className="text-slate-600">
                  {isFetching || data === undefined ? "Searching…" : error ? error.message : q ? "No one by that name you can meet." : "No one to meet yet: you meet the people you share accepted work with."}
                </CommandItem>
              ) : (
                <CommandGroup>
                  {options.map((option) => {
                    const on = value?.userId === option.userId;
                    return (
                      <CommandItem
                        key={option.userId}
                        value={option.userId}
                        aria-selected={on}
                        data-checked={on}
                        data-testid="invitee-option"
                        onSelect={() => {
                          onChange(on ? null : option);
                          setOpen(false);
                        }}
                      >
                        <CheckIcon aria-hidden className={cn("size-4", on ? "opacity-100" : "opacity-0")} />
                        <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">{option.name}</span>
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
        </PopoverContent>
      </Popover>
      {value ? <input type="hidden" name={name} value={value.userId} /> : null}
      {value ? <p className="text-xs text-slate-500">Their time zone: {value.timeZone}</p> : null}
      {invalid ? (
        <p id={`${id}-error`} className="text-sm text-red-700" data-testid={`error-${name}`}>
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
