// Which addresses the desktop app hands to the system browser. Anything else a page tries to open goes nowhere:
// shell.openExternal with an attacker's URL can start programs (file:, smb:, custom schemes).

/** The sites of the tools and formats Factspan's help may link to. */
export const EXTERNAL_HOSTS: readonly string[] = [
  'github.com',
  'doccano.github.io',
  'labelstud.io',
  'brat.nlplab.org',
  'spacy.io',
  'prodi.gy',
  'inception-project.github.io',
  'www.cluebenchmarks.com',
]

/** True only for a plain https address on one of EXTERNAL_HOSTS: no credentials, no other port. */
export function isAllowedExternalUrl(address: string): boolean {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return false
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && EXTERNAL_HOSTS.includes(url.hostname)
}
