// The main side hashes document texts with node:crypto: the pure-JS SHA-256 the renderer shares is the slowest step
// of a large import or export (about 40,000 one-kilobyte texts a second against 150,000).
import { createHash } from 'node:crypto'
import { setTextHasher } from '../shared/hash'

setTextHasher((text) => createHash('sha256').update(text, 'utf8').digest('hex'))
