// Agreement measures, pure: no Node, no DOM. One file per measure; the typed-column helpers let the service
// run them over a whole project without an object per span or per character.
export { cohenKappa, kappaFromConfusion } from './cohenKappa'
export { fleissKappa, fleissKappaFromTotals, type FleissTotals } from './fleissKappa'
export { krippendorffAlpha, type MeasurementLevel } from './krippendorffAlpha'
export { unitizedAlpha, type CategoryAlpha, type UnitizedAlpha, type UnitizingStudy } from './unitizedAlpha'
export { spanF1, type F1Score, type Span, type SpanF1, type SpanMatch } from './spanF1'
