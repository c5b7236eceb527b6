// Aho–Corasick over code points: every phrase of a dictionary found in one pass over the text, whatever the
// dictionary's size. Letters are numbered by the code points the phrases contain, so a character no phrase has
// sends the automaton straight back to its root, and transitions sit in one open-addressing table of typed arrays.
//
// API: new PhraseMatcher(phrases, fold?) · forEachMatch(codePoints, visit) · longestAtEachStart(codePoints).

export class PhraseMatcher {
  private readonly alphabet = new Map<number, number>()
  /** The transition table: slot → (from state, letter) → to state; `to` is -1 in an empty slot. */
  private readonly fromState: Int32Array
  private readonly viaLetter: Int32Array
  private readonly toState: Int32Array
  private readonly mask: number
  /** Per state: the failure link, the phrase ending here (-1 for none), and the nearest state on the failure chain that ends a phrase. */
  private readonly fail: Int32Array
  private readonly phraseAt: Int32Array
  private readonly outputLink: Int32Array
  private readonly lengths: Int32Array

  /**
   * `phrases[i]` is reported as phrase i; of equal phrases, the first. `fold` maps every code point of phrases and
   * texts alike before matching (to one script, say); it maps one code point to one, so offsets stay the text's.
   */
  constructor(
    phrases: readonly string[],
    private readonly fold: (codePoint: number) => number = (c) => c,
  ) {
    const words = phrases.map((phrase, index) => {
      const letters: number[] = []
      for (const character of phrase) {
        const codePoint = fold(character.codePointAt(0)!)
        let letter = this.alphabet.get(codePoint)
        if (letter === undefined) this.alphabet.set(codePoint, (letter = this.alphabet.size))
        letters.push(letter)
      }
      if (letters.length === 0) throw new RangeError(`phrase ${index} is empty`)
      return letters
    })

    // The trie, with its edges in a Map while it grows.
    const edges = new Map<number, number>()
    const size = Math.max(1, this.alphabet.size)
    const phraseAt: number[] = [-1]
    const children: number[][] = [[]]
    const letterInto: number[] = [-1]
    this.lengths = new Int32Array(words.length)
    words.forEach((letters, index) => {
      let state = 0
      for (const letter of letters) {
        let to = edges.get(state * size + letter)
        if (to === undefined) {
          to = phraseAt.length
          edges.set(state * size + letter, to)
          phraseAt.push(-1)
          children.push([])
          letterInto.push(letter)
          children[state].push(to)
        }
        state = to
      }
      if (phraseAt[state] === -1) phraseAt[state] = index
      this.lengths[index] = letters.length
    })

    let capacity = 16
    while (capacity < edges.size * 2) capacity *= 2
    this.mask = capacity - 1
    this.fromState = new Int32Array(capacity)
    this.viaLetter = new Int32Array(capacity)
    this.toState = new Int32Array(capacity).fill(-1)
    for (const [key, to] of edges) {
      const from = Math.floor(key / size)
      const letter = key - from * size
      let slot = hash(from, letter) & this.mask
      while (this.toState[slot] !== -1) slot = (slot + 1) & this.mask
      this.fromState[slot] = from
      this.viaLetter[slot] = letter
      this.toState[slot] = to
    }

    // Failure and output links, breadth first, as in Aho and Corasick (1975).
    const states = phraseAt.length
    this.phraseAt = Int32Array.from(phraseAt)
    this.fail = new Int32Array(states)
    this.outputLink = new Int32Array(states)
    const queue = [...children[0]]
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]
      for (const child of children[state]) {
        this.fail[child] = state === 0 ? 0 : this.transition(this.fail[state], letterInto[child])
        const f = this.fail[child]
        this.outputLink[child] = this.phraseAt[f] >= 0 ? f : this.outputLink[f]
        queue.push(child)
      }
    }
  }

  get phraseCount(): number {
    return this.lengths.length
  }

  /** Calls `visit(start, end, phrase)` for every occurrence of every phrase, in code points, by their ends. */
  forEachMatch(codePoints: Int32Array, visit: (start: number, end: number, phrase: number) => void): void {
    let state = 0
    for (let i = 0; i < codePoints.length; i++) {
      const letter = this.alphabet.get(this.fold(codePoints[i]))
      if (letter === undefined) {
        state = 0
        continue
      }
      state = this.transition(state, letter)
      for (let at = this.phraseAt[state] >= 0 ? state : this.outputLink[state]; at > 0; at = this.outputLink[at]) {
        const phrase = this.phraseAt[at]
        visit(i + 1 - this.lengths[phrase], i + 1, phrase)
      }
    }
  }

  /** The longest phrase starting at each position: its number in `phrase` (-1 for none), its length in `length`. */
  longestAtEachStart(codePoints: Int32Array): { phrase: Int32Array; length: Int32Array } {
    const phrase = new Int32Array(codePoints.length).fill(-1)
    const length = new Int32Array(codePoints.length)
    this.forEachMatch(codePoints, (start, end, index) => {
      if (end - start > length[start]) {
        length[start] = end - start
        phrase[start] = index
      }
    })
    return { phrase, length }
  }

  /** The state after `letter`, following failure links until some state has an edge for it. */
  private transition(state: number, letter: number): number {
    for (;;) {
      const to = this.edge(state, letter)
      if (to !== -1) return to
      if (state === 0) return 0
      state = this.fail[state]
    }
  }

  private edge(state: number, letter: number): number {
    for (let slot = hash(state, letter) & this.mask; ; slot = (slot + 1) & this.mask) {
      const to = this.toState[slot]
      if (to === -1 || (this.fromState[slot] === state && this.viaLetter[slot] === letter)) return to
    }
  }
}

function hash(state: number, letter: number): number {
  return (Math.imul(state, 0x9e3779b1) ^ Math.imul(letter + 1, 0x85ebca77)) >>> 7
}
