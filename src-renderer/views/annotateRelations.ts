// What relations add to the annotate view's surface: relation mode's keys (r, arrows, a type's key, Esc), linking
// by a drag with Alt or Ctrl, and the paint of relation mode's two ends. Kept apart from the view's other keys.
import type { KeyboardEvent } from 'react'
import { marksLayer, type PaintLayer } from '../editor/layers'
import { RELATION_KEY, relationCommandForKey, typesBetween } from '../editor/relationKeys'
import { spansCovering } from '../editor/spanChoice'
import type { RelationFocus } from '../state/relationState'
import { quoted } from '../state/edits'
import type { Store } from '../state/types'

/** Relation mode's source and current target. */
export function relationModeLayer(focus: RelationFocus | null): PaintLayer {
  return marksLayer('relation-mode', [
    { highlight: 'relation-from', range: focus?.from ?? null, priority: 5 },
    { highlight: 'relation-target', range: focus?.target ?? null, priority: 5 },
  ])
}

/** Relation mode's keys, and `r` to start it; true when the key was one of them. */
export function relationKey(s: Store, e: KeyboardEvent<HTMLDivElement>): boolean {
  if (s.relationMode) {
    const command = relationCommandForKey(e, s.relationTypes)
    if (!command) return false
    switch (command.type) {
      case 'step':
        s.stepRelationTarget(command.direction)
        break
      case 'link':
        void s.toggleRelation(command.relationType)
        break
      case 'leave':
        s.leaveRelationMode()
        break
      case 'swallow':
        s.setSaveStatus('In relation mode: press a relation type’s key, an arrow to move, or Esc to leave')
        break
    }
    return true
  }
  if (e.key !== RELATION_KEY || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return false
  s.enterRelationMode()
  return true
}

/** A drag with a modifier from one span to another: linked at once when one type fits, else relation mode asks which. */
export function linkByDrag(s: Store, fromCharacter: number, toCharacter: number): void {
  const spans = s.annotate?.spans ?? []
  const froms = spansCovering(spans, fromCharacter)
  const tos = spansCovering(spans, toCharacter)
  for (const from of froms) {
    for (const to of tos) {
      if (from.id === to.id) continue
      const types = typesBetween(s.relationTypes, from, to)
      if (types.length === 0) continue
      s.enterRelationMode(from.id, to.id)
      if (types.length === 1) void s.toggleRelation(types[0].name)
      return
    }
  }
  const from = froms[0]
  const to = tos[0]
  if (from && to && from.id !== to.id) s.setSaveStatus(`No relation type links ${quoted(from.text)} (${from.label}) to ${quoted(to.text)} (${to.label})`)
  else s.setSaveStatus('Drag from one span to another with Alt (or Ctrl) held to link them')
}
