import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** A page's load, where a missing or foreign object (the queries' not_found) is the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
