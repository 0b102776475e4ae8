"use client";

import { useEffect, useId, useRef, type MouseEvent } from "react";
import type { FieldErrors } from "@/lib/errors";

type Props = {
  /** The form whose fields the links go to; fields are found by name (or data-field). */
  form: React.RefObject<HTMLFormElement | null>;
  /** From inFormOrder: each field's messages, in the order the fields appear. */
  errors: [string, string[]][];
  message?: string;
  /** Changes on every refused submit, so focus returns here each time. */
  attempt: number;
};

const fieldSelector = (name: string) => `[name="${CSS.escape(name)}"], [data-field="${CSS.escape(name)}"]`;

/** The field errors in the order their fields appear in the form; form-wide ones first. */
export function inFormOrder(form: HTMLFormElement | null, errors: FieldErrors): [string, string[]][] {
  const all = form ? Array.from(form.querySelectorAll("[name], [data-field]")) : [];
  const position = (name: string) => {
    if (name === "_form") return -1;
    const field = form?.querySelector(fieldSelector(name));
    return field ? all.indexOf(field) : all.length;
  };
  return Object.entries(errors)
    .filter((entry): entry is [string, string[]] => (entry[1]?.length ?? 0) > 0)
    .sort(([a], [b]) => position(a) - position(b));
}

/**
 * After a refused submit, focus moves here (top of the form, scrolled into view) so keyboard and
 * screen-reader users hear what went wrong; each message links to its field, in the form's order.
 */
export function ErrorSummary({ form, errors, message, attempt }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const shown = Boolean(message) || errors.length > 0;

  useEffect(() => {
    if (attempt === 0 || !box.current) return;
    box.current.focus({ preventScroll: true });
    box.current.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [attempt]);

  if (!shown) return null;

  const items = errors.filter(([name]) => name !== "_form");
  const formErrors = errors.find(([name]) => name === "_form")?.[1] ?? [];

  function goTo(event: MouseEvent<HTMLAnchorElement>, name: string) {
    const field = form.current?.querySelector<HTMLElement>(fieldSelector(name));
    if (!field) return;
    event.preventDefault();
    // The field's wrapper holds its label: scroll that into view, then focus without jumping.
    (field.closest("[data-field-wrapper]") ?? field.parentElement ?? field).scrollIntoView({ block: "center" });
    field.focus({ preventScroll: true });
  }

  return (
    <div
      ref={box}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-testid="error-summary"
      className="scroll-mt-24 rounded-md border-2 border-red-700 bg-red-50 p-4 text-sm text-red-900 outline-none focus-visible:ring-2 focus-visible:ring-red-700 focus-visible:ring-offset-2"
    >
      <h2 id={headingId} className="text-base font-semibold">
        {items.length > 0 ? (items.length === 1 ? "There is a problem with 1 field" : `There are problems with ${items.length} fields`) : "The request was not sent"}
      </h2>
      {message ? (
        <p className="mt-1" data-testid="form-error">
          {message}
        </p>
      ) : null}
      {formErrors.length > 0 ? <p className="mt-1">{formErrors.join(" ")}</p> : null}
      {items.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {items.map(([name, list]) => (
            <li key={name}>
              <a href={`#${name}`} onClick={(event) => goTo(event, name)} className="font-medium text-red-900 underline underline-offset-2">
                {list.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
