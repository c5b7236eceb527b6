// Relations of the open document: loading them and the relation types, relation mode (r, then a type's key), and
// the edits of relations and their types, each saved at once and undone as one step of the document's history.
import type { Relation, RelationType } from '../../src-main/shared/model'
import { relationCandidates, typesBetween } from '../editor/relationKeys'
import { spanIndexOf } from '../editor/rangeIndex'
import { absorb, perform, recorded } from './absorb'
import { applyEdit } from './applyEdits'
import { asDone, describeEdit, quoted, type Edit } from './edits'
import { relationFocusOf, type RelationMode } from './relationState'
import { save } from './save'
import type { Ctx, SliceCreator, Store } from './types'

export interface RelationSlice {
  /** The open document's relations in the annotator's layer, in the order they were made. */
  relations: Relation[]
  relationTypes: RelationType[]
  relationMode: RelationMode | null
  /** The review document's relations in every layer, gold's included. */
  reviewRelations: Relation[]
  loadRelations(documentId: string): Promise<void>
  loadReviewRelations(documentId: string): Promise<void>
  loadRelationTypes(): Promise<void>
  /** Starts relation mode from a span (the selected one by default); `to` makes that span the current target. */
  enterRelationMode(fromId?: number, to?: number): void
  stepRelationTarget(direction: 1 | -1): void
  leaveRelationMode(): void
  /** Links relation mode's two ends with a type, or unlinks them when they are linked so already. */
  toggleRelation(type: string): Promise<void>
  unlink(relation: Relation): Promise<void>
  retypeRelation(relation: Relation, type: string): Promise<void>
  addRelationType(fields: Partial<RelationType> & { name: string }): Promise<boolean>
  updateRelationType(name: string, type: RelationType): Promise<boolean>
  removeRelationType(name: string): Promise<boolean>
}

/** The text of a span of the open document, for the status line. */
function textOf(s: Store, id: number): string {
  return (s.annotate && spanIndexOf(s.annotate.spans).byId(id)?.text) ?? `span ${id}`
}

function performTypeEdit(ctx: Ctx, edit: Edit): Promise<boolean> {
  return save(ctx, async () => {
    const outcome = await applyEdit(ctx, edit)
    const done = asDone(edit, outcome)
    ctx.set((s) => ({ ...absorb(s, outcome), ...recorded(s, done) }), undefined, `relationTypes/${edit.kind}`)
    return `Saved · ${describeEdit(done)}`
  })
}

export const createRelationSlice: SliceCreator<RelationSlice> = (ctx) => {
  const { set, get, api, runtime } = ctx
  const setMode = (relationMode: RelationMode | null, action: string) => set({ relationMode }, undefined, action)

  return {
    relations: [],
    relationTypes: [],
    relationMode: null,
    reviewRelations: [],

    loadRelationTypes: async () => {
      try {
        const relationTypes = await api.call('relationTypes.list', {})
        set({ relationTypes }, undefined, 'relations/types')
      } catch (error) {
        get().reportError(error)
      }
    },

    loadReviewRelations: async (documentId) => {
      const current = runtime.latest.start('relations/review')
      try {
        const [reviewRelations, relationTypes] = await Promise.all([api.call('relations.list', { documentId }), api.call('relationTypes.list', {})])
        if (current() && get().review?.document.id === documentId) set({ reviewRelations, relationTypes }, undefined, 'relations/review')
      } catch (error) {
        get().reportError(error)
      }
    },

    loadRelations: async (documentId) => {
      const current = runtime.latest.start('relations/load')
      try {
        const annotator = get().project?.annotator
        const [relations, relationTypes] = await Promise.all([api.call('relations.list', { documentId, annotator }), api.call('relationTypes.list', {})])
        if (!current() || get().annotate?.document.id !== documentId) return
        set((s) => ({ relations, relationTypes, relationMode: s.relationMode && relationFocusOf(s.annotate?.spans ?? [], relations, relationTypes, s.relationMode) ? s.relationMode : null }), undefined, 'relations/load')
      } catch (error) {
        get().reportError(error)
      }
    },

    enterRelationMode: (fromId, to) => {
      const s = get()
      const session = s.annotate
      const id = fromId ?? session?.selectedSpanId ?? null
      const from = session && id !== null ? spanIndexOf(session.spans).byId(id) : null
      if (!session || !from) {
        get().setSaveStatus('Select a span first (Tab, or click it), then press r to link it')
        return
      }
      const candidates = relationCandidates(session.spans, from, s.relationTypes).map((span) => span.id)
      const at = to === undefined ? 0 : candidates.indexOf(to)
      set(
        (st) => ({
          relationMode: { fromId: from.id, candidates: at < 0 && to !== undefined ? [to, ...candidates] : candidates, index: Math.max(0, at) },
          tagAllArmed: false,
          annotate: st.annotate && { ...st.annotate, selectedSpanId: from.id, anchor: null },
        }),
        undefined,
        'relations/enter',
      )
    },

    stepRelationTarget: (direction) => {
      const mode = get().relationMode
      if (!mode || mode.candidates.length === 0) return
      const count = mode.candidates.length
      setMode({ ...mode, index: (mode.index + direction + count) % count }, 'relations/step')
    },

    leaveRelationMode: () => setMode(null, 'relations/leave'),

    toggleRelation: async (typeName) => {
      const s = get()
      const focus = relationFocusOf(s.annotate?.spans ?? [], s.relations, s.relationTypes, s.relationMode)
      const type = s.relationTypes.find((t) => t.name === typeName)
      if (!focus || !type) return
      const { from, target } = focus
      if (!target) {
        get().setSaveStatus(`No span here may be linked to ${quoted(from.text)}`)
        return
      }
      const existing = focus.linked.find((r) => r.type === typeName)
      if (existing) return get().unlink(existing)
      if (typesBetween([type], from, target).length === 0) {
        const ends = (labels: string[]) => (labels.length === 0 ? 'any span' : labels.join(' or '))
        get().setSaveStatus(`${type.name} links ${ends(type.fromLabels)} to ${ends(type.toLabels)}: ${quoted(from.text)} is ${from.label}, ${quoted(target.text)} is ${target.label}`)
        return
      }
      await save(ctx, async () => {
        // Linking spans linked so already returns the relation saved before, and announces nothing.
        const relation = await runtime.echoes.expect(from.documentId, api.call('relations.add', { from: from.id, to: target.id, type: typeName }), (r) => !get().relations.some((x) => x.id === r.id))
        const edit: Edit = { kind: 'link', relation, fromText: from.text, toText: target.text }
        set((st) => ({ ...absorb(st, { kind: 'relations-saved', relations: [relation] }), ...recorded(st, edit) }), undefined, 'relations/link')
        return `Saved · ${describeEdit(edit)}`
      })
    },

    unlink: async (relation) => {
      await save(ctx, async () => perform(ctx, { kind: 'unlink', relation, fromText: textOf(get(), relation.from), toText: textOf(get(), relation.to) }))
    },

    retypeRelation: async (relation, type) => {
      if (relation.type === type) return
      await save(ctx, async () =>
        perform(ctx, { kind: 'retype', relation, fromText: textOf(get(), relation.from), toText: textOf(get(), relation.to), from: relation.type, to: type }),
      )
    },

    addRelationType: (fields) =>
      save(ctx, async () => {
        const types = await api.call('relationTypes.add', fields)
        const position = types.findIndex((t) => t.name === fields.name)
        const edit: Edit = { kind: 'addRelationType', documentId: get().annotate?.document.id ?? '', type: types[position], position, relations: [] }
        set((s) => ({ ...absorb(s, { kind: 'relation-types-saved', types }), ...recorded(s, edit) }), undefined, 'relationTypes/add')
        return `Saved · ${describeEdit(edit)}`
      }),

    updateRelationType: (name, type) => {
      const from = get().relationTypes.find((t) => t.name === name)
      if (!from) return Promise.resolve(false)
      if (JSON.stringify(from) === JSON.stringify(type)) return Promise.resolve(true)
      return performTypeEdit(ctx, { kind: 'updateRelationType', documentId: get().annotate?.document.id ?? '', from, to: type })
    },

    removeRelationType: (name) => {
      const types = get().relationTypes
      const type = types.find((t) => t.name === name)
      if (!type) return Promise.resolve(false)
      // The relations are filled in from the server's answer: those it really removed.
      return performTypeEdit(ctx, { kind: 'removeRelationType', documentId: get().annotate?.document.id ?? '', type, position: types.indexOf(type), relations: [] })
    },
  }
}
