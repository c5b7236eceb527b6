import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { selectRelationComparisons } from '../../src-renderer/state/relationSelectors'
import { createAppStore } from '../../src-renderer/state/store'
import { selectCurrentComparison } from '../../src-renderer/state/reviewSelectors'
import { AgreementPanel } from '../../src-renderer/views/AgreementPanel'
import { importTexts, renderWith, setUp } from './render'

// 😀 is one code point (two UTF-16 units), so every offset below is one more than the character's place after it:
// 截至2月25日 1–8, 杭州高新區(濱江) 10–19, 企業復工率91.9% 37–47 (counted by hand on the line).
const TEXT = '😀截至2月25日,以杭州高新區(濱江)納入統計口徑的2.3萬家企業為基數,企業復工率91.9%。\n'
const DATE = { start: 1, end: 8 }
const DISTRICT = { start: 10, end: 19 }
const METRIC = { start: 37, end: 47 }

async function tagged() {
  const { backend, app } = setUp('alice')
  await importTexts(backend, { 'facts.txt': TEXT })
  const s = () => app.store.getState()
  await s().loadProject()
  await s().openDocument('facts')
  for (const [range, label] of [
    [DATE, 'date'],
    [DISTRICT, 'organization'],
    [METRIC, 'metric'],
  ] as const) {
    s().setPending(range.start, range.end)
    await s().applyLabel(label)
  }
  const idAt = (start: number) => s().annotate!.spans.find((span) => span.start === start)!.id
  return { backend, app, s, ids: { date: idAt(DATE.start), district: idAt(DISTRICT.start), metric: idAt(METRIC.start) } }
}


describe('relations in the annotate session', () => {
  it('links in relation mode, nearest candidate first, and undoes and redoes each link with its id', async () => {
    const { backend, s, ids } = await tagged()
    const listed = () => backend.service['relations.list']({ documentId: 'facts', annotator: 'alice' }).map((r) => [r.from, r.type, r.to])
    s().selectSpan(ids.metric)
    s().enterRelationMode()
    // Gaps from 37–47: the district ends at 19 (18 away), the date at 8 (29 away).
    expect(s().relationMode!.candidates).toEqual([ids.district, ids.date])
    await s().toggleRelation('holder')
    s().stepRelationTarget(1)
    await s().toggleRelation('time')
    expect(listed()).toEqual([
      [ids.metric, 'holder', ids.district],
      [ids.metric, 'time', ids.date],
    ])
    expect(s().relations.map((r) => r.type)).toEqual(['holder', 'time'])
    const timeId = s().relations[1].id

    // A type that does not allow the target's label is refused here, with the reason, and nothing is sent.
    s().stepRelationTarget(1)
    await s().toggleRelation('time')
    expect(s().saveStatus).toMatch(/time links metric or measure to date: “企業復工率91.9%” is metric, “杭州高新區\(濱江\)” is organization/)

    await s().undo()
    expect(listed()).toEqual([[ids.metric, 'holder', ids.district]])
    await s().redo()
    expect(backend.service['relations.list']({ documentId: 'facts' }).map((r) => r.id)).toContain(timeId)
    expect(s().relations.map((r) => r.id)).toContain(timeId)

    // The key of a link made already takes it away again.
    await s().toggleRelation('holder')
    expect(listed()).toEqual([[ids.metric, 'time', ids.date]])
    await s().undo()
    expect(listed()).toHaveLength(2)
  })

  it('removes a span with its relations, and undo brings both back with their ids', async () => {
    const { backend, s, ids } = await tagged()
    s().selectSpan(ids.metric)
    s().enterRelationMode()
    await s().toggleRelation('holder')
    s().stepRelationTarget(1)
    await s().toggleRelation('time')
    s().leaveRelationMode()
    const before = backend.service['relations.list']({ documentId: 'facts' })
    expect(before).toHaveLength(2)

    s().selectSpan(ids.metric)
    await s().removeSelectedSpan()
    expect(backend.service['relations.list']({ documentId: 'facts' })).toEqual([])
    expect(s().relations).toEqual([])
    expect(s().saveStatus).toMatch(/remove “企業復工率91.9%” and its 2 relations/)

    await s().undo()
    expect(backend.service['relations.list']({ documentId: 'facts' })).toEqual(before)
    expect(s().relations).toEqual(before)
    await s().redo()
    expect(backend.service['relations.list']({ documentId: 'facts' })).toEqual([])
  })

  it('deletes a label with its spans and their relations, and undo brings all of them back', async () => {
    const { backend, s, ids } = await tagged()
    s().selectSpan(ids.metric)
    s().enterRelationMode()
    await s().toggleRelation('holder')
    s().stepRelationTarget(1)
    await s().toggleRelation('time')
    const before = backend.service['relations.list']({ documentId: 'facts' })
    await s().removeLabel('date')
    expect(backend.service['relations.list']({ documentId: 'facts' }).map((r) => r.type)).toEqual(['holder'])
    expect(s().relations.map((r) => r.type)).toEqual(['holder'])
    await s().undo()
    expect(backend.service['relations.list']({ documentId: 'facts' })).toEqual(before)
    expect(s().relations).toEqual(before)
  })

  it('retypes a relation and renames its type, each undone as one step', async () => {
    const { backend, s, ids } = await tagged()
    await s().addRelationType({ name: 'located_in', fromLabels: ['metric'], toLabels: ['organization'] })
    s().selectSpan(ids.metric)
    s().enterRelationMode()
    await s().toggleRelation('holder')
    const relation = s().relations[0]
    await s().retypeRelation(relation, 'located_in')
    expect(backend.service['relations.list']({ documentId: 'facts' })[0].type).toBe('located_in')
    const type = s().relationTypes.find((t) => t.name === 'located_in')!
    await s().updateRelationType('located_in', { ...type, name: 'place' })
    expect(backend.service['relations.list']({ documentId: 'facts' })[0].type).toBe('place')
    expect(s().relations[0].type).toBe('place')
    await s().undo()
    expect(s().relations[0].type).toBe('located_in')
    await s().undo()
    expect(backend.service['relations.list']({ documentId: 'facts' })[0].type).toBe('holder')
    expect(s().relations[0].type).toBe('holder')

    // Deleting a type takes its relations; undo puts the type back in its place with them.
    await s().removeRelationType('holder')
    expect(backend.service['relations.list']({ documentId: 'facts' })).toEqual([])
    await s().undo()
    expect(s().relationTypes[0].name).toBe('holder')
    expect(backend.service['relations.list']({ documentId: 'facts' }).map((r) => r.type)).toEqual(['holder'])
  })
})

describe('relation mode by keys', () => {
  it('links with r, an arrow and the type keys alone, announcing each step', async () => {
    const { backend, app } = setUp('alice')
    await importTexts(backend, { 'facts.txt': TEXT })
    const s = () => app.store.getState()
    renderWith(app)
    fireEvent.click(await screen.findByRole('button', { name: /截至2月25日/ }))
    const article = await screen.findByRole('document', { name: 'Article text' })
    for (const [range, label] of [
      [DATE, 'date'],
      [DISTRICT, 'organization'],
      [METRIC, 'metric'],
    ] as const) {
      s().setPending(range.start, range.end)
      await s().applyLabel(label)
    }
    article.focus()
    const press = (key: string, init: { shiftKey?: boolean } = {}) => fireEvent.keyDown(article, { key, ...init })
    // Tab from the start selects the spans in text order: date, district, metric.
    press('Tab')
    press('Tab')
    press('Tab')
    press('r')
    await screen.findByText(/Relation from “企業復工率91.9%” \(metric\) to “杭州高新區\(濱江\)” \(organization\), 1 of 2/)
    press('1')
    await waitFor(() => expect(backend.service['relations.list']({ documentId: 'facts' })).toHaveLength(1))
    // A label key does not tag in relation mode.
    press('4')
    press('ArrowRight')
    await screen.findByText(/to “截至2月25日” \(date\), 2 of 2/)
    press('2')
    await waitFor(() => expect(backend.service['relations.list']({ documentId: 'facts' })).toHaveLength(2))
    press('Escape')
    await waitFor(() => expect(s().relationMode).toBeNull())
    expect(backend.service['spans.list']({ documentId: 'facts' })).toHaveLength(3)
  })
  it('keeps the suggestion keys from acting while relation mode is on, and gives them back when it ends', async () => {
    const { backend, app } = setUp('alice')
    await importTexts(backend, { 'facts.txt': TEXT })
    const s = () => app.store.getState()
    renderWith(app)
    fireEvent.click(await screen.findByRole('button', { name: /截至2月25日/ }))
    const article = await screen.findByRole('document', { name: 'Article text' })
    for (const [range, label] of [
      [DISTRICT, 'organization'],
      [METRIC, 'metric'],
    ] as const) {
      s().setPending(range.start, range.end)
      await s().applyLabel(label)
    }
    // The built-in rules propose 2月25日 as a date, which is not tagged.
    await waitFor(() => expect(s().suggestions.map((x) => x.text)).toContain('2月25日'))
    const offered = s().suggestions
    const metric = s().annotate!.spans.find((span) => span.start === METRIC.start)!
    s().selectSpan(metric.id)
    article.focus()
    const press = (key: string, init: { shiftKey?: boolean } = {}) => fireEvent.keyDown(article, { key, ...init })
    press('r')
    await screen.findByText(/Relation from “企業復工率91.9%” \(metric\)/)
    for (const [key, init] of [
      ['y', {}],
      ['n', {}],
      ['s', {}],
      ['S', { shiftKey: true }],
      ['Y', { shiftKey: true }],
    ] as const) press(key, init)
    expect(s().relationMode).not.toBeNull()
    expect(s().suggestionCursor).toBeNull()
    expect(s().saveStatus).toMatch(/In relation mode/)
    // Nothing was accepted or rejected.
    expect(backend.service['spans.list']({ documentId: 'facts' })).toHaveLength(2)
    expect(s().suggestions).toEqual(offered)
    expect(backend.service['suggestions.quality']({})).toEqual([])

    press('Escape')
    await waitFor(() => expect(s().relationMode).toBeNull())
    // Back at the start of the text, y accepts the date suggested there.
    s().placeCaret(0, false)
    press('y')
    await screen.findByText(/Saved · accept the suggestion “2月25日” \(date\)/)
    expect(backend.service['spans.list']({ documentId: 'facts' })).toHaveLength(3)
  })
})

describe('the relation types editor', () => {
  it('renames a type, which renames its relations, allows another label at an end, and undoes each change', async () => {
    const { backend, app, s, ids } = await tagged()
    s().selectSpan(ids.metric)
    s().enterRelationMode()
    await s().toggleRelation('holder')
    s().leaveRelationMode()
    renderWith(app)
    fireEvent.click(await screen.findByRole('button', { name: 'Relation types' }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit relation types' })
    const row = within(dialog).getByRole('form', { name: 'Relation type holder' })
    fireEvent.change(within(row).getByRole('textbox', { name: 'Name of holder' }), { target: { value: 'owner' } })
    fireEvent.click(within(within(row).getByRole('group', { name: 'holder ends at' })).getByRole('checkbox', { name: 'date' }))
    fireEvent.click(within(row).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(backend.service['relationTypes.list']({})[0]).toMatchObject({ name: 'owner', toLabels: ['organization', 'date'] }))
    expect(backend.service['relations.list']({ documentId: 'facts' }).map((r) => r.type)).toEqual(['owner'])
    expect(s().relations.map((r) => r.type)).toEqual(['owner'])

    fireEvent.click(within(dialog).getByRole('button', { name: 'Undo rename the relation type holder to owner' }))
    await waitFor(() => expect(backend.service['relationTypes.list']({})[0]).toMatchObject({ name: 'holder', toLabels: ['organization'] }))
    expect(s().relations.map((r) => r.type)).toEqual(['holder'])
  })
})

describe('relation types in two windows', () => {
  it('a type added in one window reaches the relation mode of another', async () => {
    const { backend, app } = setUp('alice')
    await importTexts(backend, { 'facts.txt': TEXT })
    renderWith(app)
    await waitFor(() => expect(app.store.getState().project).not.toBeNull())
    const other = createAppStore(backend.api, { storage: null })
    await other.store.getState().loadProject()
    await other.store.getState().openDocument('facts')
    await other.store.getState().addRelationType({ name: 'located_in', fromLabels: ['organization'], toLabels: ['organization'] })
    await waitFor(() => expect(app.store.getState().relationTypes.map((t) => t.name)).toContain('located_in'))
  })
})

describe('relations in review', () => {
  // Alice and Bob tagged the figure and the district alike, the date differently (Bob: 截至2月, 1–5); each linked the
  // figure to the district (holder) and to their date (time). Offsets as in TEXT above.
  const spansOf = (annotator: string) => [
    { ...DATE, label: 'date', annotator },
    { ...DISTRICT, label: 'organization', annotator },
    { ...METRIC, label: 'metric', annotator },
  ]
  const line = JSON.stringify({
    id: 'facts',
    text: TEXT,
    spans: [...spansOf('alice'), { start: 1, end: 5, label: 'date', annotator: 'bob' }, ...spansOf('bob').slice(1)],
    relations: [
      { from: 2, to: 1, type: 'holder' },
      { from: 2, to: 0, type: 'time' },
      { from: 5, to: 4, type: 'holder' },
      { from: 5, to: 3, type: 'time' },
    ],
  })

  it('lists agreed and disputed relations, and taking a version takes its relations, undone as one step', async () => {
    const { backend, app } = setUp('reviewer')
    backend.service['merge.files']({ files: [{ name: 'layers.jsonl', base64: Buffer.from(line).toString('base64') }] })
    const s = () => app.store.getState()
    await s().loadProject()
    await s().openReview('facts')
    s().setReviewAnnotators(['alice', 'bob'])
    // holder agreed by both; alice's time to 截至2月25日 (1–8) and bob's time to 截至2月 (1–5) differ; in order of
    // the far end (1–5 before 1–8), then holder (10–19).
    expect(selectRelationComparisons(s()).map((c) => [c.from.text, c.type, c.to.text, c.layers.join('+'), c.agreed])).toEqual([
      ['企業復工率91.9%', 'time', '截至2月', 'bob', false],
      ['企業復工率91.9%', 'time', '截至2月25日', 'alice', false],
      ['企業復工率91.9%', 'holder', '杭州高新區(濱江)', 'alice+bob', true],
    ])

    await s().acceptUnanimous()
    // Gold gets the district and the figure, agreed by both, and the holder relation both made between them.
    expect(backend.service['relations.list']({ documentId: 'facts', annotator: 'gold' }).map((r) => r.type)).toEqual(['holder'])
    expect(s().saveStatus).toBe('Saved · accept 2 unanimous spans and 1 relation')
    // The date is disputed: take Alice's version, which brings her time relation (its other end, the figure, is in gold).
    s().goToComparison({ start: 1, end: 8 })
    const current = selectCurrentComparison(s())!
    const alice = current.versions.findIndex((v) => v.annotators.includes('alice'))
    await s().takeVersion(alice)
    const goldRelations = () =>
      backend.service['relations.list']({ documentId: 'facts', annotator: 'gold' }).map((r) => {
        const spans = backend.service['spans.list']({ documentId: 'facts', annotator: 'gold' })
        const text = (id: number) => spans.find((x) => x.id === id)!.text
        return `${text(r.from)} ${r.type} ${text(r.to)}`
      })
    expect(goldRelations()).toEqual(['企業復工率91.9% holder 杭州高新區(濱江)', '企業復工率91.9% time 截至2月25日'])
    expect(s().saveStatus).toMatch(/and its relation$/)

    await s().undoGold()
    expect(goldRelations()).toEqual(['企業復工率91.9% holder 杭州高新區(濱江)'])
    await s().redoGold()
    expect(goldRelations()).toEqual(['企業復工率91.9% holder 杭州高新區(濱江)', '企業復工率91.9% time 截至2月25日'])
    await s().undoGold()
    await s().undoGold()
    expect(goldRelations()).toEqual([])
  })

  it('shows relation F1 per pair and type in the agreement panel', async () => {
    const { backend, app } = setUp('reviewer')
    backend.service['merge.files']({ files: [{ name: 'layers.jsonl', base64: Buffer.from(line).toString('base64') }] })
    renderWith(app, <AgreementPanel annotators={['alice', 'bob']} />)
    // Neither layer is marked done: agreement counts the document only when asked to count every one.
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Count every document, finished or not' }))
    const table = await screen.findByRole('table', { name: 'Relation F1 (both ends exact, same type)' })
    const row = within(table).getByRole('row', { name: /alice × bob/ })
    // Each made 2 relations; holder matches, time does not (1–8 against 1–5): P = R = 1/2, F1 = 0.5; holder alone
    // 1/1, so 1.000.
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent)
    expect(cells.slice(0, 3)).toEqual(['2 / 2', '0.500', '1.000'])
  })
})
