// The agreement panel alone in a page, served by the real HTTP bridge, until a view of the app embeds it.
import { createRoot } from 'react-dom/client'
import { createApiClient, httpTransport } from '../../../src-renderer/api'
import { createAppStore, StoreProvider } from '../../../src-renderer/state/store'
import '../../../src-renderer/styles/app.css'
import { AgreementPanel } from '../../../src-renderer/views/AgreementPanel'

const annotators = new URLSearchParams(location.search).get('annotators')?.split(',')

createRoot(document.getElementById('root')!).render(
  <StoreProvider value={createAppStore(createApiClient(httpTransport()), { storage: null })}>
    <main style={{ padding: 24, maxWidth: 1100 }}>
      <AgreementPanel annotators={annotators} />
    </main>
  </StoreProvider>,
)
