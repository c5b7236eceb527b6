// The one typed contract between the renderer and the main side. Written once: the service implements it,
// the Electron IPC bridge and the browser-mode HTTP bridge loop over `methodNames`, the renderer's client is
// derived from `Api`. Adding a method touches this file and one service file, never the preload.
import { z } from 'zod'
import type { Document, DocumentStatus, DocumentSummary, Label, ProjectInfo, Span } from './model'
import { DOCUMENT_STATUSES } from './model'

export const TEXT_ENCODINGS = ['auto', 'utf-8', 'gb18030', 'big5'] as const
export type TextEncoding = (typeof TEXT_ENCODINGS)[number]
export const IMPORT_FORMATS = ['text', 'jsonl'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]
export const EXPORT_FORMATS = ['native', 'doccano'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const documentId = z.string().min(1).max(512)
const spanId = z.number().int().positive()
const offset = z.number().int().nonnegative()
const projectPath = z.string().min(1).max(4096)

export const argSchemas = {
  'project.info': z.object({}),
  'project.open': z.object({ path: projectPath }),
  'project.create': z.object({ path: projectPath }),
  'project.setAnnotator': z.object({ name: z.string().trim().min(1).max(200) }),
  'project.stats': z.object({}),
  'documents.list': z.object({
    status: z.enum(DOCUMENT_STATUSES).optional(),
    query: z.string().max(500).optional(),
  }),
  'documents.get': z.object({ id: documentId }),
  'documents.setDone': z.object({ id: documentId, done: z.boolean() }),
  'documents.next': z.object({ after: documentId }),
  'spans.list': z.object({ documentId, annotator: z.string().optional() }),
  'spans.add': z.object({ documentId, start: offset, end: offset, label: z.string().min(1) }),
  'spans.remove': z.object({ id: spanId }),
  /** Puts back a span removed earlier, with its id, for undo. */
  'spans.restore': z.object({
    span: z.object({
      id: spanId,
      documentId,
      start: offset,
      end: offset,
      label: z.string().min(1),
      text: z.string(),
      annotator: z.string().min(1),
      createdAt: z.string(),
    }),
  }),
  'spans.relabel': z.object({ id: spanId, label: z.string().min(1) }),
  /** Files travel as bytes (base64) so the browser's file picker and Electron's work alike. */
  'import.files': z.object({
    files: z
      .array(z.object({ name: z.string().min(1).max(4096), base64: z.string() }))
      .min(1)
      .max(100_000),
    format: z.enum(IMPORT_FORMATS).optional(),
    encoding: z.enum(TEXT_ENCODINGS).optional(),
  }),
  'export.build': z.object({ format: z.enum(EXPORT_FORMATS), annotator: z.string().optional() }),
} as const

export interface ImportFileReport {
  file: string
  documents: number
  spans: number
  /** Documents already in the project with the same text: left as they were. */
  skipped: number
  encoding?: string
}

export interface ImportError {
  file: string
  line?: number
  reason: string
  message: string
}

export interface ImportReport {
  imported: ImportFileReport[]
  errors: ImportError[]
  /** Labels that arrived with the data and were added to the project's label set. */
  newLabels: string[]
}

export interface ProjectStats {
  documents: number
  byStatus: Record<DocumentStatus, number>
  spans: number
  byLabel: Record<string, number>
  annotators: string[]
}

export interface ExportResult {
  fileName: string
  content: string
  documents: number
  spans: number
}

type Args<K extends keyof typeof argSchemas> = z.infer<(typeof argSchemas)[K]>

/** Method name → argument and result types. */
export interface Api {
  'project.info': (args: Args<'project.info'>) => ProjectInfo
  'project.open': (args: Args<'project.open'>) => ProjectInfo
  'project.create': (args: Args<'project.create'>) => ProjectInfo
  'project.setAnnotator': (args: Args<'project.setAnnotator'>) => ProjectInfo
  'project.stats': (args: Args<'project.stats'>) => ProjectStats
  'documents.list': (args: Args<'documents.list'>) => DocumentSummary[]
  'documents.get': (args: Args<'documents.get'>) => Document
  'documents.setDone': (args: Args<'documents.setDone'>) => DocumentSummary
  'documents.next': (args: Args<'documents.next'>) => string | null
  'spans.list': (args: Args<'spans.list'>) => Span[]
  'spans.add': (args: Args<'spans.add'>) => Span
  'spans.remove': (args: Args<'spans.remove'>) => Span
  'spans.restore': (args: Args<'spans.restore'>) => Span
  'spans.relabel': (args: Args<'spans.relabel'>) => Span
  'import.files': (args: Args<'import.files'>) => ImportReport
  'export.build': (args: Args<'export.build'>) => ExportResult
}

export type Method = keyof Api
export type ArgsOf<M extends Method> = Parameters<Api[M]>[0]
export type ResultOf<M extends Method> = ReturnType<Api[M]>

// Every method of Api has a schema and every schema a method: a missing or extra one fails to compile.
const everyMethodHasASchema: Record<Method, z.ZodType> = argSchemas
void everyMethodHasASchema
type ExtraSchemas = Exclude<keyof typeof argSchemas, Method>
const noExtraSchemas: ExtraSchemas extends never ? true : never = true
void noExtraSchemas

export const methodNames = Object.keys(argSchemas) as Method[]

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(argSchemas, name)
}

export { EVENT_NAMES, type EventName } from './bridge-protocol'

export interface ApiError {
  /** A stable code the renderer can branch on; the message is for people. */
  code: 'invalid-arguments' | 'not-found' | 'conflict' | 'bad-input' | 'no-project' | 'internal'
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export type { Document, DocumentStatus, DocumentSummary, Label, ProjectInfo, Span }
