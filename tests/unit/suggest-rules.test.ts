import { describe, expect, it } from 'vitest'
import { ruleSource, type RuleOptions } from '../../src-main/shared/suggest/rules'
import { compareSuggestions } from '../../src-main/shared/suggest/suggestion'

/** The suggestions as [quoted text, label, rule] in text order, so expectations read like the guidelines. */
function quoted(text: string, options?: RuleOptions): Array<[string, string, string]> {
  const characters = [...text]
  return ruleSource(options)
    .suggest(text)
    .sort(compareSuggestions)
    .map((s) => [characters.slice(s.start, s.end).join(''), s.label, s.ruleId!])
}

// Sentences from /work/shared/corpus, each in the script of its article; the other script written by hand.
describe('date rules', () => {
  it('finds a publication date and its clock time as two expressions (004)', () => {
    expect(quoted('2020年02月26日 16:12 来源:中国新闻网参与互动参与互动')).toEqual([
      ['2020年02月26日', 'date', 'date.calendar'],
      ['16:12', 'date', 'date.calendar'],
    ])
  })

  it('finds the date after 截至 and the figures beside it, in traditional script (001)', () => {
    expect(quoted('截至2月25日,全區共兌現各級資金3.72億元、惠及企業2287家。')).toEqual([
      ['2月25日', 'date', 'date.calendar'],
      ['3.72億元', 'metric', 'figure.amount'],
      ['2287家', 'metric', 'figure.count'],
    ])
  })

  it('finds 今年上半年 as one expression in both scripts (002)', () => {
    expect(quoted('今年上半年，全市实现生产总值亿元，同比增长')).toEqual([['今年上半年', 'date', 'date.period']])
    expect(quoted('今年上半年，全市實現生產總值億元，同比增長')).toEqual([['今年上半年', 'date', 'date.period']])
  })

  it('finds quarters in both scripts (002, 000)', () => {
    expect(quoted('今年一季度，在其他产业普遍陷入负增长的情况下')).toEqual([['今年一季度', 'date', 'date.period']])
    expect(quoted('提前實現一季度“開門紅”。')).toEqual([['一季度', 'date', 'date.period']])
  })

  it('finds 去年同期 and the figure compared with it (000)', () => {
    expect(quoted('如西湖銀泰一周的零售額已達到去年同期90%。')).toEqual([
      ['去年同期', 'date', 'date.relative'],
      ['90%', 'metric', 'figure.percent'],
    ])
  })

  it('finds a date running to now in both scripts (001)', () => {
    expect(quoted('2月3日至今,共辦理知識產權業務3萬餘件。')).toEqual([
      ['2月3日至今', 'date', 'date.range'],
      ['3萬餘件', 'metric', 'figure.count'],
    ])
    expect(quoted('2月3日至今,共办理知识产权业务3万余件。')).toEqual([
      ['2月3日至今', 'date', 'date.range'],
      ['3万余件', 'metric', 'figure.count'],
    ])
  })

  it('finds a range of months and a day alone with 起 (004)', () => {
    expect(quoted('1-2月，全市规上工业增加值同比增长5.3%')).toEqual([
      ['1-2月', 'date', 'date.range'],
      ['同比增长5.3%', 'metric', 'figure.change'],
    ])
    expect(quoted('25日起,200多名干部组成的37个工作组')).toEqual([
      ['25日起', 'date', 'date.range'],
      ['200多名', 'metric', 'figure.count'],
      ['37个', 'metric', 'figure.count'],
    ])
  })

  it('finds 截至目前 in both scripts (003, 002)', () => {
    expect(quoted('截至目前,已發佈企業職位5500餘個;')).toEqual([
      ['截至目前', 'date', 'date.as-of'],
      ['5500餘個', 'metric', 'figure.count'],
    ])
    expect(quoted('记者截至目前，杭州在落实中央六稳六保工作中的成效如何？')).toEqual([['截至目前', 'date', 'date.as-of']])
  })

  it('finds clock times in words, and 2月中旬 (001)', () => {
    expect(quoted('晚上九點多還在幫忙聯繫。')).toEqual([['晚上九點', 'date', 'date.calendar']])
    expect(quoted('2月中旬,陽光明媚的早高峰')).toEqual([['2月中旬', 'date', 'date.period']])
  })

  it('finds a date in Chinese numerals and a weekday, through chrono-node', () => {
    expect(quoted('二〇二〇年二月二十六日，全区企业复工')).toEqual([['二〇二〇年二月二十六日', 'date', 'date.calendar']])
    expect(quoted('星期三上午召開會議')).toEqual([['星期三', 'date', 'date.calendar']])
  })

  it('takes no word for a clock time: 第一時間, 一點通 (001, 000)', () => {
    expect(quoted('我們政府也會第一時間幫助企業去協調社區')).toEqual([])
    expect(quoted('開通“來富工作一點通”')).toEqual([])
  })

  it('counts code points past 𠮷 and 😀', () => {
    const suggestions = ruleSource().suggest('𠮷😀截至2月25日，增长91.9%', 'doc')
    expect(suggestions.sort(compareSuggestions)).toEqual([
      { documentId: 'doc', start: 4, end: 9, label: 'date', source: 'rule', score: 0.9, ruleId: 'date.calendar' },
      { documentId: 'doc', start: 12, end: 17, label: 'metric', source: 'rule', score: 0.9, ruleId: 'figure.percent' },
    ])
  })
})

describe('figure rules', () => {
  it('finds percentages with their sign (003)', () => {
    expect(quoted('規上工業企業開復工率100%,員工到崗率達92%;')).toEqual([
      ['100%', 'metric', 'figure.percent'],
      ['92%', 'metric', 'figure.percent'],
    ])
  })

  it('finds an amount with 億元 and a count with 家 (000)', () => {
    expect(quoted('已累計為236家企業提供信貸支持資金11.87億元。')).toEqual([
      ['236家', 'metric', 'figure.count'],
      ['11.87億元', 'metric', 'figure.amount'],
    ])
  })

  it('finds counts with 萬, 餘 and 人次 (001, 003)', () => {
    expect(quoted('以杭州高新區(濱江)納入統計口徑的2.3萬家企業為基數,企業復工率91.9%')).toEqual([
      ['2.3萬家', 'metric', 'figure.count'],
      ['91.9%', 'metric', 'figure.percent'],
    ])
    expect(quoted('採錄人員信息30.5萬餘條。')).toEqual([['30.5萬餘條', 'metric', 'figure.count']])
    expect(quoted('直播就吸引了3000多人次觀看')).toEqual([['3000多人次', 'metric', 'figure.count']])
    expect(quoted('第一批兩百家企業房租補貼很快到位')).toEqual([['兩百家', 'metric', 'figure.count']])
  })

  it('finds a range of figures as one (003)', () => {
    expect(quoted('這批口罩機將實現日均2萬——3萬隻口罩生產')).toEqual([['2萬——3萬隻', 'metric', 'figure.count']])
    expect(quoted('优化后的口罩机日产将达8万—10万只。')).toEqual([['8万—10万只', 'metric', 'figure.count']])
  })

  it('finds a change with its figure, percentage points and multiples, in both scripts', () => {
    expect(quoted('增速比一季度提高3个百分点，销售额达到去年同期的1.5倍')).toEqual([
      ['一季度', 'date', 'date.period'],
      ['3个百分点', 'metric', 'figure.percentage-point'],
      ['去年同期', 'date', 'date.relative'],
      ['1.5倍', 'metric', 'figure.multiple'],
    ])
    expect(quoted('全市規上工業增加值環比增長3.2%，增速提高0.5個百分點')).toEqual([
      ['環比增長3.2%', 'metric', 'figure.change'],
      ['0.5個百分點', 'metric', 'figure.percentage-point'],
    ])
  })

  it('takes neither an ordinal nor a word with one numeral for a count (001)', () => {
    expect(quoted('高新區(濱江)是全國第10個自主創新示範區')).toEqual([])
    expect(quoted('在群裡發了一條求助信息。很快,閃出了一條@楊明霞的消息')).toEqual([])
    expect(quoted('全市首個152項目——“物產云商產業園”')).toEqual([])
  })
})

describe('rule options', () => {
  const sentence = '截至2月25日,以杭州高新區(濱江)納入統計口徑的2.3萬家企業為基數,企業復工率91.9%'

  it('leaves out a rule the project switched off', () => {
    expect(quoted(sentence, { disabled: ['figure.count', 'date.calendar'] })).toEqual([['91.9%', 'metric', 'figure.percent']])
  })

  it('gives each family the label the project names', () => {
    expect(quoted('企業復工率91.9%', { labels: { figure: 'figure' } })).toEqual([['91.9%', 'figure', 'figure.percent']])
  })

  it('without date.range, a date and 至今 stay apart', () => {
    expect(quoted('2月3日至今', { disabled: ['date.range'] })).toEqual([['2月3日', 'date', 'date.calendar']])
  })
})
