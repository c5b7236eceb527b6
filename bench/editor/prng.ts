// Helpers over the shared seeded generator, so every run builds the same documents and picks the same spots.
import { seededRandom, type Random } from '../../src-main/shared/random'

export { seededRandom, type Random }

/** A whole number from min to max, both included. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]
}
