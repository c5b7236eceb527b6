// Document ids made from file names, for formats whose documents carry none.

/** The file name without its folders and extension: `exports/batch.2020.jsonl` → `batch.2020`. */
export function fileStem(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file
  return name.replace(/\.[^.]+$/, '') || name
}

/** The path without its extension, as a text file's document id: `2020/report.txt` → `2020/report`. */
export function pathWithoutExtension(file: string): string {
  return file.replace(/\.[^./\\]*$/, '')
}
