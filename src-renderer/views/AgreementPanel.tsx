import { useEffect, useId, useState } from 'react'
import type { AgreementReport, GroupScores, PairScores, Score } from '../../src-main/shared/agreementReport'
import { useApi } from '../state/store'
import { messageOf } from '../state/uiSlice'
import '../styles/agreement.css'
import { RelationAgreementTable } from './RelationAgreementTable'
import { plural } from './plural'

const MEASURES = [
  { key: 'exactF1', name: 'F1 exact', help: 'span F1, same start, end and label' },
  { key: 'overlapF1', name: 'F1 overlap', help: 'span F1, same label and at least one shared character' },
  { key: 'kappa', name: 'κ', help: "kappa on characters: Cohen's for a pair, Fleiss' for the group" },
  { key: 'unitizedAlpha', name: 'αU', help: "Krippendorff's unitizing alpha, which credits near-boundary agreement" },
] as const
type Measure = (typeof MEASURES)[number]['key']

/** '' stands for all labels together. */
type Scope = string

function pairValue(scores: PairScores, measure: Measure): Score {
  if (measure === 'exactF1' || measure === 'overlapF1') return scores[measure].f1
  return measure === 'kappa' ? scores.cohenKappa : scores.unitizedAlpha
}

function groupValue(scores: GroupScores, measure: Measure): Score {
  return measure === 'kappa' ? scores.fleissKappa : scores[measure]
}

function pick<T>(scores: { overall: T; labels: Record<string, T> }, scope: Scope): T {
  return scope === '' ? scores.overall : scores.labels[scope]
}

export function formatScore(value: Score): string {
  return value === null ? '—' : value.toFixed(3)
}

/**
 * Agreement between annotators over the whole project: a table of the measures for each pair and the group,
 * and an annotator × annotator heatmap per label. Fetches its own report; `annotators` defaults to all but gold.
 */
export function AgreementPanel({ annotators, includeGold }: { annotators?: string[]; includeGold?: boolean }) {
  const api = useApi()
  const [report, setReport] = useState<AgreementReport | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(true)
  const [chosenScope, setScope] = useState<Scope>('')
  const [measure, setMeasure] = useState<Measure>('kappa')
  const [asked, setAsked] = useState(0)
  // By default only documents every compared annotator finished; the switch counts them all.
  const [allDocuments, setAllDocuments] = useState(false)
  const which = JSON.stringify([annotators ?? null, includeGold ?? false, allDocuments])
  const id = useId()

  useEffect(() => {
    let current = true
    setBusy(true)
    setFailure(null)
    api.call('review.agreement', { annotators, includeGold, allDocuments })
      .then((value) => current && setReport(value))
      .catch((error: unknown) => {
        if (!current) return
        setReport(null)
        setFailure(messageOf(error))
      })
      .finally(() => current && setBusy(false))
    return () => {
      current = false
    }
    // `which` stands for the annotators, includeGold and allDocuments: the array's identity may change on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [which, asked])

  const scopes: Scope[] = report ? ['', ...report.labels] : ['']
  // A label renamed or deleted since it was chosen falls back to all labels.
  const scope = scopes.includes(chosenScope) ? chosenScope : ''
  const scopeName = (s: Scope) => (s === '' ? 'all labels' : s)

  return (
    <section className="agreement-panel" aria-labelledby={`${id}-heading`} aria-busy={busy}>
      <div className="agreement-heading">
        <h2 id={`${id}-heading`}>Agreement</h2>
        {/* aria-disabled, not disabled, so the button keeps the keyboard focus while the report is measured. */}
        <button type="button" aria-disabled={busy} onClick={() => busy || setAsked((n) => n + 1)}>
          {busy ? 'Measuring…' : 'Measure again'}
        </button>
      </div>
      {failure && (
        <p className="inline-error" role="alert">
          Could not measure agreement: {failure}
        </p>
      )}
      <label className="agreement-all-documents">
        <input type="checkbox" checked={allDocuments} onChange={(e) => setAllDocuments(e.target.checked)} />
        Count every document, finished or not
      </label>
      {report && (
        <>
          <p className="agreement-summary">
            {report.annotators.join(', ') || 'No annotators'} over {plural(report.documents, 'document')} ({plural(report.characters, 'character')}).
          </p>
          <CountedDocuments report={report} />
          {report.annotators.length < 2 ? (
            <p className="panel-empty">Agreement needs at least two annotators with spans.</p>
          ) : (
            <>
              <label className="field-row agreement-scope">
                <span className="field-label">Label</span>
                <select value={scope} onChange={(e) => setScope(e.target.value)}>
                  {scopes.map((s) => (
                    <option key={s} value={s}>
                      {s === '' ? 'All labels' : s}
                    </option>
                  ))}
                </select>
              </label>
              <MeasuresTable report={report} scope={scope} caption={`Agreement on ${scopeName(scope)}`} />
              <RelationAgreementTable report={report} />

              <div className="agreement-measure" role="group" aria-labelledby={`${id}-measure`}>
                <span id={`${id}-measure`} className="field-label">
                  Heatmaps of
                </span>
                <div className="segmented">
                  {MEASURES.map((m) => (
                    <button key={m.key} type="button" aria-pressed={measure === m.key} title={m.help} onClick={() => setMeasure(m.key)}>
                      <MeasureName measure={m.key} />
                    </button>
                  ))}
                </div>
              </div>
              <div className="agreement-heatmaps">
                {scopes.map((s) => (
                  <Heatmap key={s} report={report} scope={s} measure={measure} caption={`${s === '' ? 'All labels' : s}: ${MEASURES.find((m) => m.key === measure)!.name}`} />
                ))}
              </div>
              <p className="help">
                κ is Cohen&apos;s kappa for a pair and Fleiss&apos; kappa for the group, both on characters (the label covering each, or none);
                α<sub>U</sub> is Krippendorff&apos;s unitizing alpha. The group&apos;s F1 is the mean of its pairs&apos;. Darker blue is closer agreement, orange is
                worse than chance, — is undefined (nothing to compare).
              </p>
            </>
          )}
        </>
      )}
    </section>
  )
}

/** How many documents were counted and which were left out, with why. */
function CountedDocuments({ report }: { report: AgreementReport }) {
  if (report.allDocuments) return <p className="agreement-counted">Every document counted, finished or not.</p>
  const left = report.leftOut.length
  return (
    <div className="agreement-counted">
      <p>
        {report.documents} counted: finished by every annotator compared. {left} left out{left > 0 ? ':' : '.'}
      </p>
      {left > 0 && (
        <ul className="agreement-left-out" aria-label="Documents left out">
          {report.leftOut.slice(0, 50).map((doc) => (
            <li key={doc.documentId}>
              <span className="title">{doc.title}</span> — {doc.reasons.join('; ')}
            </li>
          ))}
          {left > 50 && <li className="muted">and {plural(left - 50, 'more document')}</li>}
        </ul>
      )}
    </div>
  )
}

/** A measure's short name as shown; α_U with its U set below. */
function MeasureName({ measure }: { measure: Measure }) {
  return measure === 'unitizedAlpha' ? (
    <span>
      α<sub>U</sub>
    </span>
  ) : (
    <>{MEASURES.find((m) => m.key === measure)!.name}</>
  )
}

function MeasuresTable({ report, scope, caption }: { report: AgreementReport; scope: Scope; caption: string }) {
  const spans = (annotator: string) => (scope === '' ? Object.values(report.spans[annotator]).reduce((a, b) => a + b, 0) : report.spans[annotator][scope])
  const group = pick(report.group, scope)
  return (
    <div className="agreement-table">
      <table className="compact agreement-measures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Annotators</th>
            <th scope="col" className="num">
              Spans
            </th>
            {MEASURES.map((m) => (
              <th key={m.key} scope="col" className="num" title={m.help}>
                <MeasureName measure={m.key} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.pairs.map((p) => {
            const scores = pick(p, scope)
            return (
              <tr key={p.annotators.join('\u0000')}>
                <th scope="row">{p.annotators.join(' × ')}</th>
                <td className="num">{p.annotators.map(spans).join(' / ')}</td>
                {MEASURES.map((m) => (
                  <td key={m.key} className="num">
                    {formatScore(pairValue(scores, m.key))}
                  </td>
                ))}
              </tr>
            )
          })}
          <tr className="agreement-group">
            <th scope="row">All {report.annotators.length}</th>
            <td className="num">{report.annotators.map(spans).reduce((a, b) => a + b, 0)}</td>
            {MEASURES.map((m) => (
              <td key={m.key} className="num">
                {formatScore(groupValue(group, m.key))}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  )
}

function Heatmap({ report, scope, measure, caption }: { report: AgreementReport; scope: Scope; measure: Measure; caption: string }) {
  const value = (a: string, b: string): Score => {
    const pair = report.pairs.find((p) => (p.annotators[0] === a && p.annotators[1] === b) || (p.annotators[0] === b && p.annotators[1] === a))
    return pair ? pairValue(pick(pair, scope), measure) : null
  }
  return (
    <table className="heatmap">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <td />
          {report.annotators.map((a) => (
            <th key={a} scope="col">
              {a}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.annotators.map((a) => (
          <tr key={a}>
            <th scope="row">{a}</th>
            {report.annotators.map((b) => {
              if (a === b) {
                return (
                  <td key={b} className="heatmap-self">
                    <span aria-hidden="true">·</span>
                    <span className="visually-hidden">same annotator</span>
                  </td>
                )
              }
              const v = value(a, b)
              const colours = heatColours(v)
              return (
                <td key={b} style={{ backgroundColor: colours.background, color: colours.text }}>
                  {formatScore(v)}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const WHITE = [255, 255, 255]
const AGREE = [30, 58, 138]
const DISAGREE = [154, 52, 18]

/** White to deep blue as a value goes from 0 to 1, to deep orange as it goes to −1; text dark or white, whichever reads better. */
function heatColours(value: Score): { background: string; text: string } {
  if (value === null) return { background: '', text: '' }
  const t = Math.min(1, Math.abs(value))
  const end = value >= 0 ? AGREE : DISAGREE
  const rgb = WHITE.map((w, i) => Math.round(w + (end[i] - w) * t))
  const luminance = rgb.map((c) => c / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  const l = 0.2126 * luminance[0] + 0.7152 * luminance[1] + 0.0722 * luminance[2]
  return { background: `rgb(${rgb.join(' ')})`, text: l < 0.21 ? '#ffffff' : '#1b2330' }
}
