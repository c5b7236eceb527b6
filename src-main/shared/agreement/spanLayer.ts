/**
 * One annotator's spans as typed columns, grouped by label and sorted by start, then end, within each label:
 * the form the span measures work on, so a project's hundreds of thousands of spans need no object each.
 */
export interface SpanLayer {
  /** Label i's spans sit at indexes [groups[i], groups[i + 1]); there are groups.length − 1 labels. */
  groups: Uint32Array
  start: Float64Array
  end: Float64Array
  /** The furthest end among the spans of the same label up to each, for overlap searches. */
  reach: Float64Array
}

/** Builds a layer from parallel columns; `label[i]` is an index below `labelCount`. */
export function spanLayer(start: ArrayLike<number>, end: ArrayLike<number>, label: ArrayLike<number>, labelCount: number): SpanLayer {
  const groups = new Uint32Array(labelCount + 1)
  for (let i = 0; i < label.length; i++) groups[label[i] + 1]++
  for (let k = 0; k < labelCount; k++) groups[k + 1] += groups[k]
  const next = groups.slice(0, labelCount)
  const order = new Uint32Array(label.length)
  for (let i = 0; i < label.length; i++) order[next[label[i]]++] = i
  for (let k = 0; k < labelCount; k++) {
    const group = order.subarray(groups[k], groups[k + 1])
    if (!isSorted(group, start, end)) group.sort((x, y) => start[x] - start[y] || end[x] - end[y])
  }
  const layer = { groups, start: new Float64Array(label.length), end: new Float64Array(label.length), reach: new Float64Array(label.length) }
  for (let i = 0; i < order.length; i++) {
    layer.start[i] = start[order[i]]
    layer.end[i] = end[order[i]]
  }
  for (let k = 0; k < labelCount; k++) {
    for (let i = groups[k], furthest = -Infinity; i < groups[k + 1]; i++) layer.reach[i] = furthest = Math.max(furthest, layer.end[i])
  }
  return layer
}

function isSorted(group: Uint32Array, start: ArrayLike<number>, end: ArrayLike<number>): boolean {
  for (let i = 1; i < group.length; i++) {
    const a = group[i - 1]
    const b = group[i]
    if (start[b] < start[a] || (start[b] === start[a] && end[b] < end[a])) return false
  }
  return true
}
