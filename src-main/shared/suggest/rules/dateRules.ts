// Dates and time expressions. chrono-node's zh parser (its strict, simplified one: texts arrive folded to
// simplified script) finds calendar dates (2020年02月26日, 2月25日, 二〇二〇年二月), clock times (16:12, 晚上九點)
// and weekdays (星期三, 上週一); it is pure JavaScript and works offline. Our own patterns find what chrono has
// no parser for: years alone (2019年度), days alone (25日起), numeric dates (2020/09/02), relative expressions
// (今年, 去年, 上月), periods (上半年, 一季度, 中旬, 去年同期), month ranges (1-2月) and 截至目前. Pieces that touch
// are one expression (今年 + 上半年, 2月 + 中旬), and date.range joins 2月3日 + 至今 or A 至 B.
import { hans } from 'chrono-node/zh'
import { DIGIT } from './numbers'
import { regexRule, type Rule } from './rule'

// Chrono resolves dates against a reference; only the positions are used here, so any fixed date will do.
const REFERENCE = new Date(2020, 0, 1)
const CHINESE_MONTH = '(?:十[一二]?|[一二三四五六七八九])'
const MONTH = `(?:${DIGIT}{1,2}|${CHINESE_MONTH})`

const CALENDAR_CHARACTERS = /[年月日号星期周礼拜:：时点分午晚早夜]/u
// Chrono reads 一時 (第一時間) and 一點 (一點通) as clock times, and 5天内, 半个月后 as dates; neither is a fact's date.
const NOT_A_DATE = /^(?:[一二三四五六七八九十两]{1,2}[时点])$|(?:[天日周月年时]|个月|小时|分钟)(?:以?内|之内|前|后|之后|以后)$/u
const EDGE = /^[\s,，、|]+|[\s,，、|]+$/gu

function chronoRanges(folded: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const result of hans.strict.parse(folded, REFERENCE)) {
    // A result can run over a space (2020年02月26日 16:12): the date and the time are two expressions.
    const pieces = result.text.split(/(\s+)/u)
    let at = result.index
    for (const piece of pieces) {
      const trimmed = piece.replace(EDGE, '')
      if (trimmed !== '' && CALENDAR_CHARACTERS.test(trimmed) && !NOT_A_DATE.test(trimmed)) {
        const start = at + piece.indexOf(trimmed)
        ranges.push([start, start + trimmed.length])
      }
      at += piece.length
    }
  }
  return ranges
}

export const DATE_RULES: readonly Rule[] = [
  {
    id: 'date.calendar',
    family: 'date',
    description: 'A calendar date, clock time or weekday (chrono-node): 2020年02月26日, 2月25日, 16:12, 星期三',
    example: '2月25日',
    score: 0.9,
    find: chronoRanges,
  },
  regexRule(
    { id: 'date.absolute', family: 'date', description: 'A year, month or day alone, or a numeric date: 2019年度, 3月份, 25日起, 2020/09/02', example: '2020年', score: 0.85 },
    `(?<![0-9０-９])(?:${DIGIT}{4}[/.-]${DIGIT}{1,2}[/.-]${DIGIT}{1,2}|${DIGIT}{4}年度?|[〇零一二三四五六七八九]{4}年度?)(?![0-9０-９])` +
      `|(?<![0-9０-９一二三四五六七八九十])${MONTH}月份?(?![0-9０-９])(?!底|初|中|末)` +
      `|(?<![0-9０-９月])${DIGIT}{1,2}日(?![0-9０-９])`,
  ),
  regexRule(
    { id: 'date.relative', family: 'date', description: 'A date relative to now: 今年, 去年, 上月, 今天, 日前', example: '今年', score: 0.75 },
    '今年|去年|前年|明年|本年|当年|同年|上年|全年|今天|昨天|明天|前天|今日|昨日|明日|本月|上月|下月|当月|上个月|下个月|本周|上周|下周|近日|日前',
  ),
  regexRule(
    { id: 'date.period', family: 'date', description: 'A period of the year: 上半年, 一季度, 前三季度, 中旬, 年底, 去年同期', example: '上半年', score: 0.8 },
    `[上下]半年|前[两二三]季度|第?[一二三四1-4１-４]季度|${MONTH}月[上中下]旬|[上中下]旬|${MONTH}月(?:初|底|末|中(?!旬))|年(?:初|底|末)|(?<=年)同期`,
  ),
  regexRule(
    { id: 'date.range', family: 'date', description: 'A range of months, a date to another or to now: 1-2月, 2月3日至今, 今年以来', example: '1-2月', score: 0.8 },
    `(?<![0-9０-９])${MONTH}\\s*(?:[-—–~～－]|至|到)\\s*${MONTH}月份?`,
  ),
  regexRule(
    { id: 'date.as-of', family: 'date', description: 'Up to now: 截至目前 (a date after 截至 is found by the date rules)', example: '截至目前', score: 0.7 },
    '(?:截至|截止)(?:到)?(?:目前|当前|现在|今)',
  ),
]

/** After a date: 至今, 以来 and 起 belong to it; 至/到/— followed by another date makes a range. */
const TAIL = /^(?:至今|以来|起)/u
const BETWEEN = /^\s*(?:[-—–~～－]+|至|到)\s*$/u

export interface DatePiece {
  start: number
  end: number
  ruleId: string
}

/**
 * Date pieces (UTF-16 ranges of the folded text) made into expressions: pieces that overlap or touch become one,
 * named for its longest piece; with date.range on, a tail (至今, 以来, 起) or a connector between two expressions
 * joins them, named date.range.
 */
export function joinDatePieces(folded: string, pieces: DatePiece[], ranges: boolean): DatePiece[] {
  const sorted = [...pieces].sort((a, b) => a.start - b.start || b.end - a.end)
  const joined: Array<DatePiece & { longest: number }> = []
  for (const piece of sorted) {
    const last = joined.at(-1)
    if (last && piece.start <= last.end) {
      if (piece.end - piece.start > last.longest) Object.assign(last, { ruleId: piece.ruleId, longest: piece.end - piece.start })
      last.end = Math.max(last.end, piece.end)
    } else {
      joined.push({ ...piece, longest: piece.end - piece.start })
    }
  }
  if (!ranges) return joined.map(({ start, end, ruleId }) => ({ start, end, ruleId }))
  const out: DatePiece[] = []
  for (let i = 0; i < joined.length; i++) {
    const expression: DatePiece = { start: joined[i].start, end: joined[i].end, ruleId: joined[i].ruleId }
    for (;;) {
      const next = joined[i + 1]
      if (next && BETWEEN.test(folded.slice(expression.end, next.start))) {
        Object.assign(expression, { end: next.end, ruleId: 'date.range' })
        i++
        continue
      }
      const tail = TAIL.exec(folded.slice(expression.end, expression.end + 2))
      if (tail && !(next && next.start < expression.end + tail[0].length)) {
        Object.assign(expression, { end: expression.end + tail[0].length, ruleId: 'date.range' })
      }
      break
    }
    out.push(expression)
  }
  return out
}
