import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { titleFromText } from '../../src-main/shared/formats/text'

// The openings of the five sample corpus files (/work/shared/corpus), cut to 30 characters a line.
const corpusOpenings = [
  ['000', '原題:\n杭州“雙線作戰(zhàn)”向縱深推進(jìn)\n在浙江市疫情態(tài)勢持續(xù)向好、生產(chǎn)\n', '杭州“雙線作戰(zhàn)”向縱深推進(jìn)'],
  ['001', '復工復產,濱江的誠意與信心\n\n復工復產,濱江的誠意與信心\n\n江南大道是高新區(濱江)交通主動脈\n', '復工復產,濱江的誠意與信心'],
  ['002', '以六稳六保为抓手推动高质量发展\n2020/09/02 13:34\n以六稳六保为抓手推动高质量发展访浙江省委常委杭州市委书记周江', '以六稳六保为抓手推动高质量发展'],
  ['003', '03.04 芙蓉區:打好精準復工復產組合拳\n\n湖南日報·新湖南客戶端通訊員 沈夢豔\n', '芙蓉區:打好精準復工復產組合拳'],
  ['004', '字号:\n\n浙江台州“复苏记”:“疫”中抢先机 盼得春归来\n\n', '浙江台州“复苏记”:“疫”中抢先机 盼得春归来'],
] as const

describe('titleFromText', () => {
  // 000 and 004 open with a bare label ("原題:", "字号:"), 003 with a date stamp ("03.04 ").
  it.each(corpusOpenings)('reads the headline of corpus file %s', (_, opening, title) => {
    expect(titleFromText(opening, 'fallback')).toBe(title)
  })

  const corpus = '/work/shared/corpus'
  it.runIf(fs.existsSync(corpus))('reads the same headlines from the whole corpus files', () => {
    const files = fs.readdirSync(corpus).filter((name) => name.endsWith('.txt')).sort()
    const titles = files.map((name) => titleFromText(fs.readFileSync(path.join(corpus, name), 'utf8'), 'fallback'))
    expect(titles).toEqual(corpusOpenings.map(([, , title]) => title))
  })

  it('skips blank lines and bare labels such as 原題: and 原题：', () => {
    expect(titleFromText('\n  \n原題:\n原题：\n字号:\n\u3000稳就业保民生\n', 'x')).toBe('稳就业保民生')
  })

  it('keeps a line that ends with a colon when it is long enough to be a headline', () => {
    expect(titleFromText('杭州市统计局发布一季度全市经济运行情况：\n正文', 'x')).toBe('杭州市统计局发布一季度全市经济运行情况：')
  })

  it.each([
    ['03.04 芙蓉區:打好組合拳', '芙蓉區:打好組合拳'],
    ['2020/09/02 以六稳六保为抓手', '以六稳六保为抓手'],
    ['2020-09-02 13:34 以六稳六保为抓手', '以六稳六保为抓手'],
    ['2020年02月26日 16:12 浙江台州复苏记', '浙江台州复苏记'],
    ['2月26日 浙江台州复苏记', '浙江台州复苏记'],
    ['3、稳外贸', '稳外贸'],
    ['1. 稳外贸', '稳外贸'],
  ])('removes the leading stamp of %s', (line, title) => {
    expect(titleFromText(line, 'x')).toBe(title)
  })

  it.each([
    ['3月2日起全面复工', '3月2日起全面复工'],
    ['2020年经济工作回顾', '2020年经济工作回顾'],
    ['5.8%的增速', '5.8%的增速'],
    ['100家企业复工', '100家企业复工'],
  ])('keeps numbers that belong to the headline in %s', (line, title) => {
    expect(titleFromText(line, 'x')).toBe(title)
  })

  it('moves on to the next line when a line is only a date stamp', () => {
    expect(titleFromText('2020/09/02 13:34\n以六稳六保为抓手', 'x')).toBe('以六稳六保为抓手')
  })

  it('reads lines ended by CR alone', () => {
    expect(titleFromText('原题：\r稳就业\r正文', 'x')).toBe('稳就业')
  })

  it('cuts a long headline to 80 code points with an ellipsis, counting 𠮷 as one', () => {
    const title = titleFromText('𠮷'.repeat(100), 'x')
    expect([...title]).toHaveLength(80)
    expect(title).toBe('𠮷'.repeat(79) + '…')
    expect(titleFromText('经'.repeat(80), 'x')).toBe('经'.repeat(80))
  })

  it('falls back when nothing readable is left', () => {
    expect(titleFromText('', 'doc-1')).toBe('doc-1')
    expect(titleFromText('\n \n原題:\n2020/09/02\n', 'doc-2')).toBe('doc-2')
  })
})
