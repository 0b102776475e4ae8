"use client";

/**
 * Takes the token from the address's fragment (#token=…) and removes it from the address bar and
 * the history entry. It is kept in this tab's sessionStorage, so a reload still finds it.
 */
export function takeLinkToken(storageKey: string): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get("token");
  if (fromHash) {
    window.history.replaceState(window.history.state, "", window.location.pathname);
    window.sessionStorage.setItem(storageKey, fromHash);
    return fromHash;
  }
  return window.sessionStorage.getItem(storageKey);
}

export function forgetLinkToken(storageKey: string): void {
  window.sessionStorage.removeItem(storageKey);
}
