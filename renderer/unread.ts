/**
 * The unread count the header shows, shared between the bell (which polls it) and the screens that change it
 * (marking read), so the bell follows at once instead of at its next poll.
 */
type Listener = (unread: number) => void;
const listeners = new Set<Listener>();

export function announceUnread(unread: number): void {
  for (const l of listeners) l(unread);
}

export function onUnread(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
