import fs from 'node:fs'
import path from 'node:path'
import { expect, ROOT, test } from './fixtures'

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'formats')
const SHOTS = '/tmp/shots'

test('imports tagged characters leniently and a brat pair, listing what was left out', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import documents' })
  await dialog.getByLabel('Format').selectOption('bio')
  await dialog.getByLabel('Column separator').selectOption('tab')
  await dialog.getByRole('checkbox', { name: /Lenient/ }).check()
  await dialog.locator('input[type=file]').first().setInputFiles([
    { name: 'ner.bio', mimeType: 'text/plain', buffer: Buffer.from('杭\tB-organization\n州\tI-organization\n市\tI-date\n\n宁\tB-date\n波\tI-date\n') },
  ])
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('status')).toHaveText('Imported 2 documents and 2 spans, 1 warning')
  await expect(dialog.getByRole('table', { name: 'Left out on import' }).getByRole('row', { name: /ner\.bio\s+3\s+I-date does not continue a span of date/ })).toBeVisible()
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, 'import-bio-lenient.png') })

  await dialog.getByLabel('Format').selectOption('auto')
  await expect(dialog.getByLabel('Column separator')).toHaveCount(0)
  await dialog.getByLabel('brat spans in several pieces').selectOption('skip')
  await dialog.locator('input[type=file]').first().setInputFiles([
    { name: 'a.ann', mimeType: 'text/plain', buffer: Buffer.from('T1\tdate 0 2\t今天\nT2\tmetric 2 3;4 5\t涨 %\nR1\tOf Arg1:T1 Arg2:T2\n') },
    { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('今天涨5%') },
  ])
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('row', { name: /^a\.txt\s+1\s+1\s+0/ })).toBeVisible()
  const leftOut = dialog.getByRole('table', { name: 'Left out on import' })
  await expect(leftOut.getByRole('row', { name: /a\.ann\s+2\s+T2 metric has 2 discontinuous fragments/ })).toBeVisible()
  await expect(leftOut.getByRole('row', { name: /a\.ann\s+3\s+skipped 1 relation/ })).toBeVisible()
  await page.screenshot({ path: path.join(SHOTS, 'import-brat.png') })
})

test('exports BMES with spaces from the app and lists the overlapping spans it dropped', async ({ page, served }) => {
  expect(served.cli('import', path.join(FIXTURES, 'spacy.jsonl'), '--db', served.db).code).toBe(0)
  await page.goto(served.url)
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export annotations' })
  await expect(dialog.getByLabel('Format').locator('option')).toHaveText([
    'Factspan (JSONL)',
    'doccano (JSONL)',
    'spaCy (JSONL)',
    'Prodigy (JSONL)',
    'Label Studio (JSON)',
    'CLUENER (JSONL)',
    'BIO (CoNLL characters)',
    'BIOES (CoNLL characters)',
    'BMES (CoNLL characters)',
    'Facts (JSONL)',
  ])
  await expect(dialog.getByText('factspan export --format brat --out FOLDER')).toBeVisible()
  await dialog.getByLabel('Format').selectOption('bmes')
  await dialog.getByLabel('Column separator').selectOption('space')
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByRole('heading', { name: '1 document could not keep every span (1 span left out)' })).toBeVisible()
  await expect(dialog.getByRole('listitem')).toHaveText(
    'emoji-and-rare: bmes cannot hold overlapping spans: dropped organization 18–23 "杭州高新区", which overlaps organization 18–27 "杭州高新区(滨江)"',
  )
  const saved = await download
  expect(saved.suggestedFilename()).toBe('e2e-bmes.bmes')
  const blocks = fs.readFileSync(await saved.path(), 'utf8').split('\n\n')
  const rare = blocks.find((block) => block.startsWith('𠮷'))!
  expect(rare.split('\n').slice(0, 3)).toEqual(['𠮷 B-organization', '野 M-organization', '家 E-organization'])
  await page.screenshot({ path: path.join(SHOTS, 'export-bmes.png') })
})

test('imports a doccano file with its own field names and a Label Studio task, leniently, listing what it left out', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import documents' })
  // The command line and the app read the same files.
  await expect(dialog.locator('input[type=file]').first()).toHaveAttribute('accept', '.txt,.text,.md,.jsonl,.ndjson,.json,.ann,.bio,.bioes,.bmes,.conll,text/plain,application/json')
  await dialog.getByLabel('Text field').fill('content')
  await dialog.getByLabel('Label field (doccano)').fill('tags')
  await dialog.getByRole('checkbox', { name: /Lenient/ }).check()
  const doccano = [
    { id: 'd1', content: '𠮷野家2月25日复工率91.9%', tags: [[0, 4, 'organization'], [4, 9, 'date']] },
    { id: 'd2', content: '杭州', tags: [[0, 9, 'organization']] },
  ]
  const task = { data: { content: '防疫惠企28条', id: 't1' }, annotations: [{ result: [{ type: 'labels', value: { start: 0, end: 7, text: '防疫惠企28条', labels: ['measure'] } }] }] }
  await dialog.locator('input[type=file]').first().setInputFiles([
    { name: 'custom.jsonl', mimeType: 'application/json', buffer: Buffer.from(doccano.map((d) => JSON.stringify(d)).join('\n')) },
    { name: 'task.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(task, null, 2)) },
  ])
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('status')).toHaveText('Imported 3 documents and 3 spans, 1 warning')
  await expect(
    dialog.getByRole('table', { name: 'Left out on import' }).getByRole('row', { name: /custom\.jsonl\s+2\s+tags\[0\] has start 0 and end 9, .*; left out/ }),
  ).toBeVisible()
  await page.screenshot({ path: path.join(SHOTS, 'import-fields-lenient.png') })
})
