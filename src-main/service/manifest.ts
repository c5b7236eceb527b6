// The manifest written beside every export: what was exported, how, and from which project, so a dataset can be
// traced back and rebuilt. Keys are snake_case like the native format's; the README documents each one.
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import type { DatasetCounts } from '../shared/api'
import { codecs } from '../shared/formats'
import { GOLD_LAYER } from '../shared/model'
import type { ReadableDB } from '../store/db'
import { listAnnotators } from '../store/spans'
import { projectAgreement } from './agreement'
import type { DatasetOptions, DatasetPlan } from './datasetPlan'
import { layerName } from './export'
import type { Job } from './jobs'
import { appPaths } from './paths'

export const SPLIT_METHOD =
  'iterative stratification by label, weighted by span counts (Sechidis et al. 2011), over the documents sorted by id and shuffled with the seed (mulberry32)'

export interface ManifestFile extends DatasetCounts {
  split: string | null
  /** Where the file is, relative to the manifest. */
  path: string
  /** Spans the format could not hold, listed as warnings during the export. */
  droppedSpans: number
}

export interface ManifestInput {
  options: DatasetOptions
  plan: DatasetPlan
  files: ManifestFile[]
  project: { file: string; sha256: string }
  /** SHA-256 of the project's guidelines: the rules the dataset was labelled by. */
  guidelines: { sha256: string }
  agreement: ManifestAgreement | null
}

export interface ManifestAgreement {
  annotators: string[]
  /** Documents every annotator finished, which agreement counts, and those left out. */
  documents: number
  left_out: number
  pairs: Array<{ annotators: [string, string]; exact_f1: number | null; overlap_f1: number | null; cohen_kappa: number | null; unitized_alpha: number | null }>
  group: { exact_f1: number | null; overlap_f1: number | null; fleiss_kappa: number | null; unitized_alpha: number | null }
}

/** The manifest as the JSON text written, two-space indented with a final newline. */
export function manifestJson({ options, plan, files, project, guidelines, agreement }: ManifestInput): string {
  const counts = (c: DatasetCounts) => ({ documents: c.documents, spans: c.spans, labels: c.labels })
  const manifest = {
    factspan_version: appVersion(),
    format: options.format,
    offset_unit: codecs[options.format].offsetUnit,
    layer: layerName(plan.layer),
    layer_by_default: plan.layer.byDefault,
    filters: { status: options.status ?? null, labels: options.labels ?? null },
    split: options.split
      ? { method: SPLIT_METHOD, seed: plan.seed, ratios: Object.fromEntries(options.split.map((s) => [s.name, s.ratio])) }
      : null,
    project: { file: path.basename(project.file), sha256: project.sha256 },
    guidelines: { sha256: guidelines.sha256 },
    files: files.map((f) => ({ split: f.split, path: f.path, ...counts(f), dropped_spans: f.droppedSpans })),
    total: counts(plan.total),
    agreement,
  }
  return `${JSON.stringify(manifest, null, 2)}\n`
}

/** The overall agreement of every pair and of the group, when the project has two annotators or more (gold aside). */
export function agreementSummary(db: ReadableDB): ManifestAgreement | null {
  if (listAnnotators(db).filter((name) => name !== GOLD_LAYER).length < 2) return null
  const report = projectAgreement(db)
  return {
    annotators: report.annotators,
    documents: report.documents,
    left_out: report.leftOut.length,
    pairs: report.pairs.map(({ annotators, overall }) => ({
      annotators,
      exact_f1: overall.exactF1.f1,
      overlap_f1: overall.overlapF1.f1,
      cohen_kappa: overall.cohenKappa,
      unitized_alpha: overall.unitizedAlpha,
    })),
    group: {
      exact_f1: report.group.overall.exactF1,
      overlap_f1: report.group.overall.overlapF1,
      fleiss_kappa: report.group.overall.fleissKappa,
      unitized_alpha: report.group.overall.unitizedAlpha,
    },
  }
}

const HASH_CHUNK = 1 << 22

/** SHA-256 of a file read a chunk at a time, as lowercase hex; a step per chunk so a large project can be cancelled. */
export function* sha256OfFile(file: string): Job<string> {
  const hash = createHash('sha256')
  const buffer = Buffer.alloc(HASH_CHUNK)
  const fd = fs.openSync(file, 'r')
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, HASH_CHUNK, null)
      if (n === 0) break
      hash.update(buffer.subarray(0, n))
      yield { done: 0, total: 1 }
    }
  } finally {
    fs.closeSync(fd)
  }
  return hash.digest('hex')
}

let version: string | undefined

/** Factspan's version, from its package.json. */
export function appVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(path.join(appPaths.root, 'package.json'), 'utf8')) as { version: string }).version
  return version
}
