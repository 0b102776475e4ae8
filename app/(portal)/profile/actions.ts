"use server";

import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { signIn } from "@/lib/auth/next-auth";
import { updateEmailPreferences } from "@/lib/notifications/email-preferences";
import { updateOwnProfile } from "@/lib/profiles/update-profile";

export const updateProfileAction = formAction({}, async (actor, input) => {
  const result = await updateOwnProfile(getDb(), actor, input);
  // The layout's header shows the name too, so every portal page is refreshed.
  if (result.ok) revalidatePath("/", "layout");
  return result;
});

export const changePasswordAction = formAction({}, async (actor, input) => {
  const result = await changeOwnPassword(getDb(), actor, input);
  if (!result.ok) return result;
  // The change bumped the session version; signing in again gives this session the new one,
  // so it goes on while every other session ends.
  try {
    await signIn("credentials", { email: result.data.email, password: result.data.password, redirect: false });
  } catch (error) {
    unstable_rethrow(error);
    throw error;
  }
  // A redirect, not a re-render: the browser must come back with the new session cookie,
  // since this request still carries the old one.
  redirect("/profile?passwordChanged=1");
});

export const updateEmailPreferencesAction = formAction({}, async (actor, input) => {
  const result = await updateEmailPreferences(getDb(), actor, input);
  if (!result.ok) return result;
  revalidatePath("/profile");
  return { ok: true, data: { enabled: result.data.enabled as string[], message: "Email choices saved." } };
});
