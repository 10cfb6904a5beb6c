// Another screen (registration, history) can open Pembayaran for a participant it already
// has: it calls `payFor(id)` and then navigates to 'payment'; the screen takes the id once.

let pending: string | null = null;

export function payFor(participantId: string): void {
  pending = participantId;
}

export function takePendingParticipant(): string | null {
  const id = pending;
  pending = null;
  return id;
}
