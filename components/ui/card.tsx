// After shadcn/ui (new-york-v4) Card. The padding sits on the card itself (not on each part), so the
// older `<Card title actions>` form and the composed CardHeader/CardContent form look the same.
import * as React from "react";
import type { ReactNode } from "react";
import { cn } from "./cn";

type CardProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** Shorthand: a heading (h2) at the top; the card becomes a region named by it. */
  title?: string;
  actions?: ReactNode;
};

function Card({ className, title, actions, children, ...props }: CardProps) {
  const classes = cn("flex flex-col gap-4 rounded-xl border bg-card p-4 text-card-foreground shadow-xs sm:p-6", className);
  if (!title && !actions) {
    return (
      <div data-slot="card" className={classes} {...props}>
        {children}
      </div>
    );
  }
  return (
    <section data-slot="card" aria-label={title} className={classes} {...(props as React.ComponentProps<"section">)}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {title ? <h2 className="text-base font-semibold text-foreground">{title}</h2> : <span />}
        {actions}
      </div>
      <div>{children}</div>
    </section>
  );
}

function CardHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="card-header" className={cn("grid auto-rows-min grid-rows-[auto_auto] items-start gap-1.5 has-data-[slot=card-action]:grid-cols-[1fr_auto]", className)} {...props} />;
}

function CardTitle({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="card-title" className={cn("leading-none font-semibold", className)} {...props} />;
}

function CardDescription({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="card-description" className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

function CardAction({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="card-action" className={cn("col-start-2 row-span-2 row-start-1 self-start justify-self-end", className)} {...props} />;
}

function CardContent({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="card-content" className={cn(className)} {...props} />;
}

function CardFooter({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="card-footer" className={cn("flex items-center gap-2", className)} {...props} />;
}

function StatCard({ label, value, testId }: { label: string; value: number | string; testId?: string }) {
  return (
    <div className="rounded-xl border bg-card p-4 shadow-xs">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function EmptyState({ title, children, icon }: { title: string; children?: ReactNode; icon?: ReactNode }) {
  return (
    <div className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 px-4 py-10 text-center">
      {icon ? <div className="mb-3 flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-5">{icon}</div> : null}
      <p className="font-medium text-foreground">{title}</p>
      {children ? <div className="mt-1 text-sm text-muted-foreground">{children}</div> : null}
    </div>
  );
}

function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-foreground">{title}</h1>
        {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export { Card, CardHeader, CardFooter, CardTitle, CardAction, CardDescription, CardContent, StatCard, EmptyState, PageHeader };
