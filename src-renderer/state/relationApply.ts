// Relation edits sent to the server; each call that changes a document is counted as an echo of our own.
import type { EditOutcome, RelationEdit } from './edits'
import type { Ctx } from './types'

export async function applyRelationEdit({ api, runtime }: Pick<Ctx, 'api' | 'runtime'>, edit: RelationEdit): Promise<EditOutcome> {
  const { call } = api
  switch (edit.kind) {
    case 'link':
      // Redo brings back the relation it removed, with its id, so later edits in the history still find it.
      return { kind: 'relations-saved', relations: await runtime.echoes.expect(edit.relation.documentId, call('relations.restoreMany', { relations: [edit.relation] })) }
    case 'unlink':
      return { kind: 'relations-removed', relations: [await runtime.echoes.expect(edit.relation.documentId, call('relations.remove', { id: edit.relation.id }))] }
    case 'retype':
      return { kind: 'relations-saved', relations: [await runtime.echoes.expect(edit.relation.documentId, call('relations.retype', { id: edit.relation.id, type: edit.to }))] }
    case 'addRelationType':
      return {
        kind: 'relation-types-saved',
        types: await call('relationTypes.restore', { type: edit.type, position: edit.position, relations: edit.relations }),
        restored: edit.relations,
      }
    case 'removeRelationType': {
      const removal = await call('relationTypes.remove', { name: edit.type.name })
      return { kind: 'relation-type-removed', types: removal.types, type: removal.type, position: removal.position, relations: removal.relations }
    }
    case 'updateRelationType': {
      const types = await call('relationTypes.update', { name: edit.from.name, type: edit.to })
      return { kind: 'relation-types-saved', types, renamed: edit.from.name === edit.to.name ? undefined : { from: edit.from.name, to: edit.to.name } }
    }
  }
}
