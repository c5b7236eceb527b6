/** "1 span", "3 spans": every noun the UI counts takes a plain -s. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
