// Data shared by the suggestion tests: dates of one shape in report sentences, as alice tagged them (offsets counted
// by hand; 𠮷 is one code point), and a new document the model has not seen:
// 𠮷0 据1 悉2 5 3 月4 2 5 0 6 日7 开8 放9 。10 😀11 — its date 5月20日 is 3–8.
export const DATES = [
  { text: '2月3日全区企业开工。', start: 0, end: 4 },
  { text: '截至3月15日，复工率达到九成。', start: 2, end: 7 },
  { text: '区发改局1月23日发布通知。', start: 4, end: 9 },
  { text: '4月8日召开新闻发布会。', start: 0, end: 4 },
  { text: '自12月1日起实施新政策。', start: 1, end: 6 },
  { text: '园区于6月30日全面复产。', start: 3, end: 8 },
  { text: '企业在7月2日收到补贴资金。', start: 3, end: 7 },
  { text: '𠮷11月11日前完成审批。', start: 1, end: 7 },
]
export const NEW_TEXT = '𠮷据悉5月20日开放。😀'

/** The dates as native JSONL records of alice's layer, then the new document. */
export function dateRecords(): Array<{ id: string; text: string; spans?: Array<{ start: number; end: number; label: string; annotator: string }> }> {
  const records = DATES.map(({ text, start, end }, i) => ({ id: `d${i}`, text, spans: [{ start, end, label: 'date', annotator: 'alice' }] }))
  return [...records, { id: 'new', text: NEW_TEXT }]
}
