import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES } from './format-helpers'
import { ROOT, tempDir } from './helpers'

const BIN = path.join(ROOT, 'bin', 'factspan.js')

/** Runs `factspan ...args` the way a user does, in its own folder and settings home. */
function factspan(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FACTSPAN_HOME: cwd } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const stats = (cwd: string, db: string) => JSON.parse(factspan(cwd, 'stats', '--db', db, '--json').stdout)

describe('factspan import and export in every format', () => {
  it('imports a folder of brat pairs and a Label Studio export, then writes bio with the dropped overlaps on stderr', () => {
    const cwd = tempDir()
    const imported = factspan(cwd, 'import', path.join(FIXTURES, 'brat'), path.join(FIXTURES, 'labelstudio.json'))
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toBe(
      'crlf-kept.txt: 1 documents, 2 spans imported\nemoji-and-rare.txt: 1 documents, 5 spans imported\nlabelstudio.json: 2 documents, 7 spans imported\n',
    )
    const exported = factspan(cwd, 'export', '--format', 'bio', '--separator', 'space', '--out', 'train.bio')
    expect(exported.code).toBe(0)
    expect(exported.stderr.trim().split('\n')).toEqual([
      'warning: document "emoji-and-rare": bio cannot hold overlapping spans: dropped organization 18–23 "杭州高新区", which overlaps organization 18–27 "杭州高新区(滨江)"',
      'warning: document "100": bio cannot hold overlapping spans: dropped organization 18–23 "杭州高新区", which overlaps organization 18–27 "杭州高新区(滨江)"',
    ])
    const blocks = fs.readFileSync(path.join(cwd, 'train.bio'), 'utf8').split('\n\n')
    expect(blocks[0].split('\n').slice(0, 4)).toEqual(['第 O', '一 O', '行 O', '\\n O'])
  })

  it('writes brat to a folder and reads it back into another project with the same spans', () => {
    const cwd = tempDir()
    factspan(cwd, 'import', path.join(FIXTURES, 'spacy.jsonl'), '--db', 'a.factspan')
    const exported = factspan(cwd, 'export', '--db', 'a.factspan', '--format', 'brat', '--out', 'corpus')
    expect(exported.code).toBe(0)
    expect(exported.stdout).toMatch(/^corpus: 2 documents .*7 spans \(brat/)
    expect(fs.readdirSync(path.join(cwd, 'corpus')).sort()).toEqual(['annotation.conf', 'crlf-kept.ann', 'crlf-kept.txt', 'emoji-and-rare.ann', 'emoji-and-rare.txt'])
    expect(factspan(cwd, 'import', 'corpus', '--db', 'b.factspan').code).toBe(0)
    expect(stats(cwd, 'b.factspan')).toMatchObject({ documents: 2, spans: 7 })

    const again = factspan(cwd, 'export', '--db', 'a.factspan', '--format', 'brat', '--out', 'corpus')
    expect(again.code).not.toBe(0)
    expect(again.stderr).toMatch(/corpus already exists and is not an empty folder/)
  })

  it('tells the scheme of a .bio file from its tags and says so, refuses invalid tags, and imports the rest with --lenient', () => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'ner.bio'), '杭\tB-org\n州\tI-org\n市\tI-place\n\n宁\tB-place\n波\tI-place\n')
    const unnamed = factspan(cwd, 'import', 'ner.bio')
    expect(unnamed.code).not.toBe(0)
    expect(unnamed.stderr).toBe('error: ner.bio:3: I-place does not continue a span of place: it follows I-org\n')
    fs.writeFileSync(path.join(cwd, 'ner.bmes'), '杭\tB-org\n州\tM-org\n市\tE-org\n')
    expect(factspan(cwd, 'import', 'ner.bmes', '--db', 'bmes.factspan').stdout).toBe('ner.bmes: 1 documents, 1 spans imported (read as BMES, since its tags use M-)\nnew labels: org\n')
    const strict = factspan(cwd, 'import', 'ner.bio', '--format', 'bio')
    expect(strict.stderr).toBe('error: ner.bio:3: I-place does not continue a span of place: it follows I-org\n')
    const lenient = factspan(cwd, 'import', 'ner.bio', '--format', 'bio', '--lenient')
    expect(lenient.code).toBe(0)
    expect(lenient.stdout).toContain('ner.bio: 2 documents, 2 spans imported')
    expect(lenient.stderr).toBe('warning: ner.bio:3: I-place does not continue a span of place: it follows I-org; left out\n')
  })

  it("imports CoNLL-2003's eng.train, which has no extension, as words in IOB1, and exports them one word a line", () => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'eng.train'), '-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n. . O O\n')
    const imported = factspan(cwd, 'import', 'eng.train')
    expect(imported.stderr).toBe('')
    expect(imported.stdout.split('\n')[0]).toBe(
      "eng.train: 1 documents, 2 spans imported (read as IOB1, since its I- tags open spans, as in CoNLL-2003's original files; tokens of several characters, joined with one space (none beside a Chinese character))",
    )
    expect(factspan(cwd, 'export', '--format', 'bio', '--separator', 'space', '--out', 'again.bio').code).toBe(0)
    expect(fs.readFileSync(path.join(cwd, 'again.bio'), 'utf8')).toBe('EU B-ORG\nrejects O\nGerman B-MISC\ncall O\n. O\n\n')
    // A .txt is text unless named: --format conll reads tagged tokens in the scheme their tags show.
    fs.writeFileSync(path.join(cwd, 'tags.txt'), '杭州 B-ORG\n高新区 E-ORG\n')
    expect(factspan(cwd, 'import', 'tags.txt', '--format', 'conll', '--db', 'tags.factspan').stdout.split('\n')[0]).toBe(
      'tags.txt: 1 documents, 1 spans imported (read as BIOES, since its tags use E-; tokens of several characters, joined with one space (none beside a Chinese character))',
    )
  })

  it('splits or skips discontinuous brat spans as asked, and says so', () => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'a.txt'), '甲乙丙丁')
    fs.writeFileSync(path.join(cwd, 'a.ann'), 'T1\tmetric 0 1;2 3\t甲 丙\nT2\tdate 3 4\t丁\nR1\ttime Arg1:T1 Arg2:T2\n')
    const skip = factspan(cwd, 'import', 'a.txt', 'a.ann', '--db', 'skip.factspan', '--discontinuous', 'skip')
    expect(skip.stderr).toBe(
      'warning: a.ann:1: T1 metric has 2 discontinuous fragments (0 1;2 3): not imported (--discontinuous skip)\n' +
        'warning: a.ann:3: skipped 1 relation(s) whose span was not imported (a discontinuous span, --discontinuous skip), line 3\n',
    )
    expect(stats(cwd, 'skip.factspan').spans).toBe(1)
    const split = factspan(cwd, 'import', 'a.txt', 'a.ann', '--db', 'split.factspan')
    // The relation links the first fragment of T1 to T2.
    expect(split.stdout).toContain('a.txt: 1 documents, 3 spans, 1 relations imported')
    expect(stats(cwd, 'split.factspan').spans).toBe(3)
  })

  it('rejects a separator or discontinuous choice it does not know', () => {
    const cwd = tempDir()
    const result = factspan(cwd, 'export', '--format', 'bio', '--separator', 'comma', '--out', 'x.bio')
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/comma.*(invalid|Allowed choices)/is)
  })
})
