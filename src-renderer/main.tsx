// First: under the page's CSP (script-src 'self') the dev server's inline React Refresh preamble cannot run.
import '@vitejs/plugin-react/preamble'
// Before any module that builds a zod schema (the contract's, which the dialogs check input with).
import './zodConfig'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createApiClient, windowTransport } from './api'
import { App } from './App'
import { createAppStore, StoreProvider } from './state/store'
import './styles/app.css'
import './styles/article.css'

const app = createAppStore(createApiClient(windowTransport()), { devtools: import.meta.env.DEV })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider value={app}>
      <App />
    </StoreProvider>
  </StrictMode>,
)
