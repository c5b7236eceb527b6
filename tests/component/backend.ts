// The backend of the component tests: the real service on a temporary project file, behind an in-process transport
// instead of IPC or HTTP. It is typed by the contract (the service is an `Api`) and validates every call with the
// contract's schemas, as both bridges do, so a view under test meets what the app meets, never a mock of it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { dispatcher } from '../../src-main/bridge/dispatch'
import type { ApiEvents, ArgsOf, EventName, Method, Result, ResultOf } from '../../src-main/shared/api'
import { createService, type Service } from '../../src-main/service'
import type { Workspace } from '../../src-main/service/workspace'
import { createApiClient, type ApiClient, type Transport } from '../../src-renderer/api'

export interface TestBackend {
  api: ApiClient
  service: Service
  workspace: Workspace
  dir: string
  close(): void
}

/** A fresh project in a temporary folder, with an annotator already named (null: a first launch); `close` removes it. */
export function testBackend(annotator: string | null = 'alice'): TestBackend {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-component-'))
  const { service, workspace } = createService({ settingsFile: path.join(dir, 'settings.json'), projectPath: path.join(dir, 'project.factspan'), createProject: true })
  if (annotator !== null) workspace.settings.setAnnotator(annotator)
  // What crosses a transport is copied: the views never hold the service's own objects.
  const dispatch = dispatcher(service)
  const transport: Transport = {
    invoke: async <M extends Method>(method: M, args: ArgsOf<M>) =>
      structuredClone(await dispatch(method, structuredClone(args))) as Result<ResultOf<M>>,
    on: <E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void) =>
      workspace.onEvent((message) => {
        if (message.event === event) listener(structuredClone(message.payload) as ApiEvents[E])
      }),
    desktop: false,
  }
  return {
    api: createApiClient(transport),
    service,
    workspace,
    dir,
    close: () => {
      workspace.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
