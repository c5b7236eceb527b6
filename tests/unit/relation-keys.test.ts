import { describe, expect, it } from 'vitest'
import { hotkeyProblem } from '../../src-main/shared/hotkeys'
import type { Span } from '../../src-main/shared/model'
import type { KeyInput } from '../../src-renderer/editor/keyboard'
import { RELATION_KEY, gapBetween, relationCandidates, relationCommandForKey, typesBetween, type RelationRule } from '../../src-renderer/editor/relationKeys'

const RULES: RelationRule[] = [
  { name: 'holder', hotkey: '1', fromLabels: ['metric', 'measure'], toLabels: ['organization'] },
  { name: 'time', hotkey: '2', fromLabels: ['metric', 'measure'], toLabels: ['date'] },
  { name: 'result_of', hotkey: '3', fromLabels: ['metric'], toLabels: ['measure'] },
]

function press(key: string, mods: Partial<KeyInput> = {}): KeyInput {
  return { key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods }
}

let nextId = 1
function span(label: string, start: number, end: number, text = ''): Span {
  return { id: nextId++, documentId: 'd', start, end, label, text, annotator: 'alice', createdAt: '' }
}

// The corpus sentence, in code points: "截至2月25日,以杭州高新區(濱江)納入統計口徑的2.3萬家企業為基數,企業復工率91.9%".
// 截至2月25日 is 0–7, 杭州高新區(濱江) 9–18, 企業復工率91.9% 36–46; 𠮷野家 (an organization far away) 120–123.
const date = span('date', 0, 7, '截至2月25日')
const district = span('organization', 9, 18, '杭州高新區(濱江)')
const metric = span('metric', 36, 46, '企業復工率91.9%')
const far = span('organization', 120, 123, '𠮷野家')
const otherMetric = span('metric', 60, 64)

describe('relation mode', () => {
  it('offers the spans a type allows at the far end, nearest first', () => {
    // Gaps from 36–46: district 36−18 = 18, date 36−7 = 29, far 120−46 = 74; another metric is no organization, date or measure.
    expect(relationCandidates([date, district, metric, otherMetric, far], metric, RULES).map((s) => s.text)).toEqual(['杭州高新區(濱江)', '截至2月25日', '𠮷野家'])
    // An organization starts no type: nothing to offer.
    expect(relationCandidates([date, district, metric], district, RULES)).toEqual([])
  })

  it('measures the gap between spans in code points, 0 when they overlap', () => {
    expect(gapBetween(metric, district)).toBe(18)
    expect(gapBetween(district, metric)).toBe(18)
    expect(gapBetween({ start: 0, end: 5 }, { start: 3, end: 9 })).toBe(0)
  })

  it('knows which types may join two spans', () => {
    expect(typesBetween(RULES, metric, district).map((r) => r.name)).toEqual(['holder'])
    expect(typesBetween(RULES, metric, span('measure', 0, 1)).map((r) => r.name)).toEqual(['result_of'])
    expect(typesBetween(RULES, span('measure', 0, 1), span('measure', 2, 3))).toEqual([])
  })

  it('maps keys: arrows and Tab step, a type key links, Esc leaves, other letters are swallowed', () => {
    expect(relationCommandForKey(press('ArrowRight'), RULES)).toEqual({ type: 'step', direction: 1 })
    expect(relationCommandForKey(press('ArrowUp'), RULES)).toEqual({ type: 'step', direction: -1 })
    expect(relationCommandForKey(press('Tab', { shiftKey: true }), RULES)).toEqual({ type: 'step', direction: -1 })
    expect(relationCommandForKey(press('2'), RULES)).toEqual({ type: 'link', relationType: 'time' })
    expect(relationCommandForKey(press('Escape'), RULES)).toEqual({ type: 'leave' })
    expect(relationCommandForKey(press('q'), RULES)).toEqual({ type: 'swallow' })
    expect(relationCommandForKey(press('Shift'), RULES)).toBeNull()
    expect(relationCommandForKey(press('z', { ctrlKey: true }), RULES)).toBeNull()
  })

  it('keeps r from the label hotkeys', () => {
    expect(hotkeyProblem(RELATION_KEY, [])).toMatch(/editor shortcut/)
    expect(RELATION_KEY).toBe('r')
  })
})
