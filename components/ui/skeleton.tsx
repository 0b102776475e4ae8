// After shadcn/ui (new-york-v4), adapted to our theme tokens in app/globals.css.
import { cn } from "./cn"

function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      className={cn("animate-pulse rounded-md bg-accent", className)}
      {...props}
    />
  )
}

export { Skeleton }
