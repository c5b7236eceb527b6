// Relation F1 per annotator pair, overall and per relation type: a relation matches when both ends match exactly
// (start, end, label) and the type is equal.
import type { AgreementReport } from '../../src-main/shared/agreementReport'
import { formatScore } from './AgreementPanel'

export function RelationAgreementTable({ report }: { report: AgreementReport }) {
  const types = report.relationTypes
  const count = (annotator: string) => Object.values(report.relations[annotator] ?? {}).reduce((a, b) => a + b, 0)
  if (report.annotators.every((a) => count(a) === 0)) return <p className="help">No compared annotator has relations yet: relation F1 comes with them.</p>
  return (
    <div className="agreement-table">
      <table className="compact agreement-measures relation-agreement">
        <caption>Relation F1 (both ends exact, same type)</caption>
        <thead>
          <tr>
            <th scope="col">Annotators</th>
            <th scope="col" className="num">
              Relations
            </th>
            <th scope="col" className="num">
              All types
            </th>
            {types.map((t) => (
              <th key={t} scope="col" className="num">
                {t}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.pairs.map((p) => (
            <tr key={p.annotators.join('\u0000')}>
              <th scope="row">{p.annotators.join(' × ')}</th>
              <td className="num">{p.annotators.map(count).join(' / ')}</td>
              <td className="num">{formatScore(p.relations.overall.f1)}</td>
              {types.map((t) => (
                <td key={t} className="num">
                  {formatScore(p.relations.types[t]?.f1 ?? null)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
