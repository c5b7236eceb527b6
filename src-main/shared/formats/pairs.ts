// brat keeps a document as a .txt and an .ann of the same path: an import reads the two together.

export interface ImportUnit<F> {
  file: F
  /** The .ann beside a .txt. */
  companion?: F
}

const stemOf = (name: string, extension: RegExp) => (extension.test(name) ? name.replace(extension, '') : undefined)
const TXT = /\.txt$/i
const ANN = /\.ann$/i

/** The files in their order, each .txt with the .ann of the same path; an .ann without its .txt stays alone. */
export function pairAnnotationFiles<F extends { name: string }>(files: readonly F[]): ImportUnit<F>[] {
  const annotations = new Map<string, F>()
  for (const file of files) {
    const stem = stemOf(file.name, ANN)
    if (stem !== undefined) annotations.set(stem, file)
  }
  const texts = new Set(files.flatMap((file) => stemOf(file.name, TXT) ?? []))
  const units: ImportUnit<F>[] = []
  for (const file of files) {
    const annStem = stemOf(file.name, ANN)
    if (annStem !== undefined && texts.has(annStem)) continue
    const txtStem = stemOf(file.name, TXT)
    const companion = txtStem === undefined ? undefined : annotations.get(txtStem)
    units.push(companion ? { file, companion } : { file })
  }
  return units
}
