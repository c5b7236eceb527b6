// What the relation fixtures (tests/fixtures/formats/relations) hold, and how the relation tests compare records.
import type { NativeRecord } from '../../src-main/shared/formats/native'

/**
 * The links of every fixture, written by hand from make.py and brat/report.ann: two metrics, each with its
 * organization; the first with its date, the second with the overlapping measure it reports, which has the same
 * organization. 𠮷 and 😀 stand in the text.
 */
export const FIXTURE_LINKS = [
  ['企業復工率91.9%', 'holder', '杭州高新區(濱江)'],
  ['企業復工率91.9%', 'time', '截至2月25日'],
  ['營收增長5%', 'holder', '𠮷野家'],
  ['營收增長5%', 'result_of', '增長5%'],
  ['增長5%', 'holder', '𠮷野家'],
]

/** Links in one fixed order, to compare. */
export function inOrder(links: string[][]): string[][] {
  return [...links].sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')))
}

/** Each relation as [from quote, type, to quote], in a fixed order. */
export function linksOf(record: NativeRecord): string[][] {
  return inOrder((record.relations ?? []).map((r) => [record.spans[r.from].text, r.type, record.spans[r.to].text]))
}
