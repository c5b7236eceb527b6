// Pieces of the figure and date patterns, in simplified script (texts are folded before matching).

export const DIGIT = '[0-9０-９]'
/** An Arabic number: 993, 2.3, 14,474, ４９５９.３７ */
export const ARABIC = `${DIGIT}+(?:[,，]${DIGIT}{3})*(?:[.．]${DIGIT}+)?`
const CN_DIGIT = '[零〇一二两三四五六七八九]'
/** A Chinese number of at least ten (十五, 两百, 三千万): one character alone (一个, 两条) is a word, not a figure. */
export const CHINESE = `(?:${CN_DIGIT}*十${CN_DIGIT}?|${CN_DIGIT}+[百千万亿][零〇一二两三四五六七八九十百千万亿]*)`
/** 万, 亿, 千万 … after an Arabic number: 2.3万, 11.87亿 */
export const MAGNITUDE = '(?:[十百千]?[万亿]|[百千])'
/** 余/多 (30.5万余条, 3000多人次) */
export const ABOUT = '[余多]?'
/** A number with its magnitude, never starting inside another number. */
export const NUMBER = `(?:(?<![0-9０-９.．])${ARABIC}${MAGNITUDE}?|(?<![零〇一二两三四五六七八九十百千万亿])${CHINESE})`
/** Between the two ends of a range: 8万—10万, 5%-10%, 1至2月 */
export const RANGE = '\\s*(?:[-—–~～－]+|至|到)\\s*'
