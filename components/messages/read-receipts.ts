import type { ThreadParticipantView } from "@/lib/messaging/types";

type Seqd = { seq: number; author: { id: string } };

/**
 * Where "Seen by …" goes: each other active participant under the last held message they have
 * read. Their own message is not "seen" by them, so the receipt waits for someone else's.
 */
export function seenByPosition(messages: readonly Seqd[], participants: readonly ThreadParticipantView[], reads: Record<string, number>, viewerId: string): Map<number, string[]> {
  const bySeq = new Map<number, string[]>();
  for (const person of participants) {
    if (person.id === viewerId || !person.active) continue;
    const readUpTo = reads[person.id] ?? person.lastReadSeq;
    let at: Seqd | undefined;
    for (let i = messages.length - 1; i >= 0; i -= 1) {
      const message = messages[i]!;
      if (message.seq <= readUpTo) {
        at = message;
        break;
      }
    }
    if (!at || at.author.id === person.id) continue;
    bySeq.set(at.seq, [...(bySeq.get(at.seq) ?? []), person.name]);
  }
  return bySeq;
}
