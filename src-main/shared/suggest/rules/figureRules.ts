// Figures as the guidelines tag them: the number with its unit or percent sign (91.9%, 11.87億元, 2.3萬家,
// 3個百分點), a range as one figure (8萬—10萬隻), and a change with its figure (同比增長5.3%). The indicator named
// beside a figure (企業復工率) is the dictionary's and the model's to find: its extent is not a pattern.
import { ABOUT, NUMBER, RANGE } from './numbers'
import { regexRule, type Rule } from './rule'

const PERCENT = `(?:${NUMBER}[%％‰]?${RANGE})?${NUMBER}[%％‰]|百分之${NUMBER}`
const POINTS = `${NUMBER}个?百分点`
const TIMES = `${NUMBER}倍`
const CURRENCY = '(?:美元|港元|港币|欧元|日元|英镑|元)'
const AMOUNT = `(?:${NUMBER}${RANGE})?${NUMBER}${ABOUT}${CURRENCY}`
// 项目, 个人, 人口, 家庭, 条件 … begin with a counter but are words of their own.
const COUNTER = '(?:人次|家(?!庭)|户|个(?!人)|项(?!目)|条(?!件)|名(?!单)|人(?!口|员)|件|张|栋|座|所|套|辆|只|台|批|笔|宗|次|吨|公斤|千克|克|平方米|平方公里|公里)'
const COUNT = `(?<!第)(?:${NUMBER}${RANGE})?${NUMBER}${ABOUT}${COUNTER}`
const CHANGE = `(?:同比|环比|比上年|比去年|较上年|较去年|比上月)(?:增长|下降|上升|提高|增加|减少|回落|回升|下滑|增幅|降幅|扩大|收窄)?了?(?:为|达|达到)?(?:${PERCENT}|${POINTS}|${TIMES}|${AMOUNT}|${COUNT})`

export const FIGURE_RULES: readonly Rule[] = [
  regexRule({ id: 'figure.percent', family: 'figure', description: 'A percentage: 91.9%, 5%-10%, 百分之五十', example: '91.9%', score: 0.9 }, PERCENT),
  regexRule({ id: 'figure.percentage-point', family: 'figure', description: 'Percentage points: 3个百分点, 0.5百分點', example: '3個百分點', score: 0.9 }, POINTS),
  regexRule({ id: 'figure.multiple', family: 'figure', description: 'A multiple: 1.5倍, 两倍', example: '1.5倍', score: 0.8 }, TIMES),
  regexRule({ id: 'figure.amount', family: 'figure', description: 'An amount of money with its magnitude: 11.87億元, 2亿美元', example: '11.87億元', score: 0.9 }, AMOUNT),
  regexRule({ id: 'figure.count', family: 'figure', description: 'A count with its counter: 2.3萬家, 993家, 30.5萬餘條, 3000多人次', example: '2.3萬家', score: 0.75 }, COUNT),
  regexRule({ id: 'figure.change', family: 'figure', description: 'A year-on-year or period-on-period change with its figure: 同比增長5.3%', example: '同比增长5.3%', score: 0.9 }, CHANGE),
]
