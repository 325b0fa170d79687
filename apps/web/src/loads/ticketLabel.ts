/**
 * A ticket is told apart from the day's others by its sequence: "JN-01-20261130-028" reads "028"
 * where room is short (a map label, a timeline bar); the whole number stays in the title.
 */
export function shortTicket(ticket: string): string {
  const parts = ticket.split('-');
  return parts.length > 1 ? parts[parts.length - 1] : ticket;
}
