"use client";

// After shadcn/ui's Combobox recipe (Popover + Command), with a visible label, single or multiple
// selection, and hidden inputs so it posts with a plain <form> / server action.
import { useId, useState, type ReactNode } from "react";
import { CheckIcon, ChevronsUpDownIcon, XIcon } from "lucide-react";
import { cn } from "./cn";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from "./command";
import { Popover, PopoverContent, PopoverTrigger } from "./popover";

export type ComboboxOption = { value: string; label: string; description?: string; disabled?: boolean };

type Common = {
  label: string;
  /** Posted as one hidden input per chosen value under this name. */
  name?: string;
  options: ComboboxOption[];
  placeholder?: string;
  searchPlaceholder?: string;
  emptyText?: string;
  hint?: ReactNode;
  errors?: string[];
  disabled?: boolean;
  id?: string;
  className?: string;
};

type Single = Common & {
  multiple?: false;
  value?: string | null;
  defaultValue?: string | null;
  onValueChange?: (value: string | null) => void;
};

type Multiple = Common & {
  multiple: true;
  value?: string[];
  defaultValue?: string[];
  onValueChange?: (value: string[]) => void;
};

export type ComboboxProps = Single | Multiple;

function toList(value: string | string[] | null | undefined): string[] {
  if (value == null) return [];
  return Array.isArray(value) ? value : [value];
}

export function Combobox(props: ComboboxProps) {
  const { label, name, options, placeholder = "Choose…", searchPlaceholder = "Search…", emptyText = "No match.", hint, errors, disabled, className } = props;
  const autoId = useId().replace(/:/g, "");
  const id = props.id ?? `combobox-${autoId}`;
  const [open, setOpen] = useState(false);
  const [inner, setInner] = useState<string[]>(toList(props.defaultValue));
  const controlled = props.value !== undefined;
  const selected = controlled ? toList(props.value) : inner;

  function commit(next: string[]) {
    if (!controlled) setInner(next);
    if (props.multiple) props.onValueChange?.(next);
    else props.onValueChange?.(next[0] ?? null);
  }

  function pick(value: string) {
    if (props.multiple) {
      commit(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
    } else {
      commit(selected[0] === value ? [] : [value]);
      setOpen(false);
    }
  }

  const labelOf = (value: string) => options.find((o) => o.value === value)?.label ?? value;
  const summary = selected.length === 0 ? null : props.multiple && selected.length > 2 ? `${selected.length} selected` : selected.map(labelOf).join(", ");
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cn("grid gap-1.5", className)}>
      <label id={`${id}-label`} htmlFor={id} className="text-sm font-medium text-foreground">
        {label}
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
            aria-invalid={errors?.length ? true : undefined}
            disabled={disabled}
            className="flex h-10 w-full min-w-0 items-center justify-between gap-2 rounded-md border border-input bg-background px-3 text-left text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive"
          >
            <span className={cn("min-w-0 truncate", !summary && "text-muted-foreground")}>{summary ?? placeholder}</span>
            <ChevronsUpDownIcon aria-hidden className="size-4 shrink-0 text-muted-foreground" />
          </button>
        </PopoverTrigger>
        <PopoverContent className="w-(--radix-popover-trigger-width) min-w-64 p-0" align="start">
          <Command>
            <CommandInput placeholder={searchPlaceholder} aria-label={`Search ${label.toLowerCase()}`} />
            <CommandList id={`${id}-list`} aria-label={label} aria-multiselectable={props.multiple || undefined}>
              <CommandEmpty>{emptyText}</CommandEmpty>
              <CommandGroup>
                {options.map((option) => {
                  const on = selected.includes(option.value);
                  return (
                    <CommandItem
                      key={option.value}
                      value={option.value}
                      keywords={[option.label, option.description ?? ""]}
                      disabled={option.disabled}
                      aria-selected={on}
                      data-checked={on}
                      onSelect={() => pick(option.value)}
                    >
                      <CheckIcon aria-hidden className={cn("size-4", on ? "opacity-100" : "opacity-0")} />
                      <span className="min-w-0">
                        {/* Wrapped, never cut off: a name and its description are what the choice is made on. */}
                        <span className="block [overflow-wrap:anywhere]">{option.label}</span>
                        {option.description ? <span className="block text-xs text-muted-foreground [overflow-wrap:anywhere]">{option.description}</span> : null}
                      </span>
                    </CommandItem>
                  );
                })}
              </CommandGroup>
            </CommandList>
          </Command>
        </PopoverContent>
      </Popover>
      {props.multiple && selected.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={`Chosen ${label.toLowerCase()}`}>
          {selected.map((value) => (
            <li key={value} className="inline-flex max-w-full items-center gap-1 rounded-full bg-secondary py-0.5 pr-1 pl-2.5 text-xs font-medium text-secondary-foreground">
              <span className="truncate">{labelOf(value)}</span>
              <button type="button" disabled={disabled} onClick={() => pick(value)} className="rounded-full p-0.5 hover:bg-slate-200" aria-label={`Remove ${labelOf(value)}`}>
                <XIcon aria-hidden className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {name ? selected.map((value) => <input key={value} type="hidden" name={name} value={value} />) : null}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700" data-testid={`error-${name ?? id}`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
