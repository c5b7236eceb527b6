// First: under the page's CSP (script-src 'self') the dev server's inline React Refresh preamble cannot run.
import '@vitejs/plugin-react/preamble'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { z } from 'zod'
import { createApiClient, windowTransport } from './api'
import { App } from './App'
import { createAppStore, StoreProvider } from './state/store'
import './styles/app.css'
import './styles/article.css'

// The dialogs check input with the contract's zod schemas. Zod would first probe `new Function` to compile them,
// which the page's CSP (no unsafe-eval) refuses and reports as a violation: it interprets them instead.
z.config({ jitless: true })

const app = createAppStore(createApiClient(windowTransport()), { devtools: import.meta.env.DEV })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider value={app}>
      <App />
    </StoreProvider>
  </StrictMode>,
)
