/** @jsxImportSource preact */
import type { ComponentChild } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { VISITOR_LIMITS, type WidgetAvailability } from "@/lib/visitor-chat/types";
import type { ApiResult } from "./api";

export type PreChatValues = { name: string; email: string; question: string; website: string };

type Props = {
  greeting: string;
  availability: WidgetAvailability;
  /** Null when the conversation started; the failed answer otherwise. */
  onSubmit: (values: PreChatValues) => Promise<ApiResult<unknown> | null>;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What can be told before asking the server; the server checks everything again. */
export function checkPreChat(values: PreChatValues, emailRequired: boolean, offline = false): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = "Enter your name.";
  else if (values.name.trim().length > VISITOR_LIMITS.nameMaxChars) errors.name = `Use at most ${VISITOR_LIMITS.nameMaxChars} characters.`;
  const email = values.email.trim();
  if (!email && emailRequired) errors.email = "Enter your email so we can reply.";
  else if (email && (!EMAIL.test(email) || email.length > VISITOR_LIMITS.emailMaxChars)) errors.email = "Enter an email address like name@example.com.";
  if (!values.question.trim()) errors.question = offline ? "Write your message." : "Write your question.";
  else if (values.question.length > VISITOR_LIMITS.bodyMaxChars) errors.question = `Use at most ${VISITOR_LIMITS.bodyMaxChars} characters.`;
  return errors;
}

export function PreChatForm({ greeting, availability, onSubmit }: Props) {
  const offline = !availability.online;
  const emailRequired = availability.requireEmail || offline;
  const [values, setValues] = useState<PreChatValues>({ name: "", email: "", question: "", website: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const fields = useRef<HTMLFormElement>(null);

  useEffect(() => nameInput.current?.focus(), []);

  const set = (field: keyof PreChatValues) => (event: Event) => setValues((current) => ({ ...current, [field]: (event.currentTarget as HTMLInputElement).value }));

  const focusFirstError = (found: Record<string, string>) => {
    const first = ["name", "email", "question"].find((field) => found[field]);
    if (first) fields.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found = checkPreChat(values, emailRequired, offline);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return focusFirstError(found);
    setBusy(true);
    const failed = await onSubmit({ ...values, name: values.name.trim(), email: values.email.trim() });
    setBusy(false);
    if (!failed || failed.ok) return;
    setErrors(failed.fieldErrors);
    const fieldNamed = Object.keys(failed.fieldErrors).some((field) => ["name", "email", "question"].includes(field));
    setFormError(fieldNamed ? null : failed.error);
    focusFirstError(failed.fieldErrors);
  };

  const field = (name: "name" | "email" | "question", label: string, input: (describedBy: string | undefined) => ComponentChild, hint?: string) => (
    <div class="field">
      <label for={`f-${name}`}>
        {label} {hint ? <small>{hint}</small> : null}
      </label>
      {input(errors[name] ? `e-${name}` : undefined)}
      {errors[name] ? (
        <p class="ferr" id={`e-${name}`}>
          {errors[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <form class="body" ref={fields} onSubmit={submit} noValidate aria-label="Start a conversation">
      {offline ? (
        <div class="note away" role="status">
          <p>{availability.awayMessage || "Nobody is here right now."}</p>
          <p>
            <strong>We&apos;ll email you</strong> as soon as someone is back.
          </p>
        </div>
      ) : (
        <p class="greet">{greeting}</p>
      )}
      {formError ? (
        <p class="note err" role="alert">
          {formError}
        </p>
      ) : null}
      {field("name", "Name", (describedBy) => (
        <input ref={nameInput} id="f-name" name="name" autocomplete="name" maxLength={VISITOR_LIMITS.nameMaxChars} value={values.name} onInput={set("name")} aria-invalid={errors.name ? "true" : undefined} aria-describedby={describedBy} required />
      ))}
      {field(
        "email",
        "Email",
        (describedBy) => (
          <input id="f-email" name="email" type="email" autocomplete="email" maxLength={VISITOR_LIMITS.emailMaxChars} value={values.email} onInput={set("email")} aria-invalid={errors.email ? "true" : undefined} aria-describedby={describedBy} required={emailRequired} />
        ),
        emailRequired ? undefined : "(optional)",
      )}
      {field("question", offline ? "Your message" : "Your question", (describedBy) => (
        <textarea id="f-question" name="question" rows={4} maxLength={VISITOR_LIMITS.bodyMaxChars} value={values.question} onInput={set("question")} aria-invalid={errors.question ? "true" : undefined} aria-describedby={describedBy} required />
      ))}
      {/* Left empty by people; bots that fill every field are turned away by the server. */}
      <div class="hp" aria-hidden="true">
        <label for="f-website">Website</label>
        <input id="f-website" name="website" tabIndex={-1} autocomplete="off" value={values.website} onInput={set("website")} />
      </div>
      <button class="btn wide" type="submit" disabled={busy}>
        {busy ? "Sending…" : offline ? "Send message" : "Start chat"}
      </button>
    </form>
  );
}
