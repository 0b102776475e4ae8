import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import type { HomeAssignment, TeacherHome } from "@/lib/assignments/home-queries";
import { TaskCard, TaskRow, viewAll } from "./home-cards";
import { serviceLabel } from "./labels";
import { When } from "./when";

const PATH = "/teacher/assignments";

type Row = HomeAssignment & { myRole: "primary" | "helper" };

function Due({ row, timeZone, now }: { row: Row; timeZone: string; now: Date }) {
  const overdue = row.dueAt.getTime() <= now.getTime();
  return (
    <>
      <span>
        Due <When at={row.dueAt} timeZone={timeZone} relativeTo={now} />
      </span>
      {overdue ? <Badge tone="red">Overdue</Badge> : null}
    </>
  );
}

const open = (row: Row, label: string, variant: "default" | "outline" = "default") => (
  <Link href={`${PATH}/${row.id}`} className={buttonClass(variant, "w-full sm:w-auto", "sm")}>
    {label}
    <span className="sr-only"> {row.title}</span>
  </Link>
);

/** The teacher's to-do: offers to answer, revisions asked for, and accepted work by due date. */
export function TeacherHomeCards({ home, timeZone, now }: { home: TeacherHome; timeZone: string; now: Date }) {
  return (
    <>
      <TaskCard
        title="Offers to answer"
        count={home.offers.length}
        testId="home-offers"
        actions={viewAll(PATH, "All offers")}
        empty="No offers waiting. When a CS rep offers you an assignment, it appears here: read the brief, then accept or decline it."
      >
        {home.offers.map((row) => (
          <TaskRow
            key={row.id}
            href={`${PATH}/${row.id}`}
            title={row.title}
            code={row.code}
            detail={
              <>
                <span>
                  {serviceLabel[row.serviceType]} · {row.myRole === "primary" ? "as primary teacher" : "as helper"}
                </span>
                <Due row={row} timeZone={timeZone} now={now} />
              </>
            }
            action={open(row, "Accept or decline")}
          />
        ))}
      </TaskCard>
      <TaskCard
        title="Revisions requested"
        count={home.revisions.length}
        testId="home-revisions"
        empty="No revision requests. If a student asks for changes to a delivery, it shows here with their comments on the assignment page."
      >
        {home.revisions.map((row) => (
          <TaskRow key={row.id} href={`${PATH}/${row.id}`} title={row.title} code={row.code} detail={<Due row={row} timeZone={timeZone} now={now} />} action={row.myRole === "primary" ? open(row, "Deliver a new version") : open(row, "Open", "outline")} />
        ))}
      </TaskCard>
      <TaskCard
        title="Work due soon"
        count={home.dueSoon.length}
        badge={null}
        testId="home-due-soon"
        actions={viewAll(`${PATH}?tab=active`, "All active work")}
        empty="Nothing in progress. Once you accept an offer, the work shows here, soonest due first."
      >
        {home.dueSoon.map((row) => (
          <TaskRow
            key={row.id}
            href={`${PATH}/${row.id}`}
            title={row.title}
            code={row.code}
            status={row.status}
            detail={<Due row={row} timeZone={timeZone} now={now} />}
            action={row.myRole === "primary" ? open(row, "Deliver", "outline") : null}
          />
        ))}
      </TaskCard>
    </>
  );
}
