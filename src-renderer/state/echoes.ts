// Every write makes the server announce a change to every window, this one included. Counting our own
// announcements lets the open document skip reloading what it already shows (20,000 spans at a time).
const expected = new Map<string, number>()

function add(documentId: string, n: number): void {
  const count = Math.max(0, (expected.get(documentId) ?? 0) + n)
  if (count === 0) expected.delete(documentId)
  else expected.set(documentId, count)
}

/** Counts the announcement a write is about to cause; `announced` says whether its answer means one was sent. */
export async function expectEcho<T>(documentId: string, request: Promise<T>, announced: (value: T) => boolean = () => true): Promise<T> {
  add(documentId, 1)
  try {
    const value = await request
    if (!announced(value)) add(documentId, -1)
    return value
  } catch (error) {
    add(documentId, -1)
    throw error
  }
}

/** True (and counted off) when a change announced for a document is one of our own writes. */
export function takeEcho(documentId: string): boolean {
  if (!expected.has(documentId)) return false
  add(documentId, -1)
  return true
}

export function forgetEchoes(): void {
  expected.clear()
}
