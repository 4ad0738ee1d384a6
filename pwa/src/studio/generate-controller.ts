import type { PublicConfig } from '@app/shared-types'
import type { ReactiveControllerHost } from 'lit'
import { enqueueGeneration, resendEntry } from '../data/outbox.ts'
import type { Workflow } from '../workflows.ts'
import type { DraftController } from './draft-controller.ts'
import { workflowModel } from './fields.ts'
import { buildRequest } from './request.ts'

/**
 * Generate: puts the form's request in the outbox (which sends it, or keeps it until online) and
 * remembers its id for the result view. An edited request replaces the one it came from under a
 * new id, since the old id is the idempotency key of other inputs.
 */
export class GenerateController {
  /** True while the request is being saved on the device. */
  pending = false
  /** Why the last Generate could not save the request; empty if it could. */
  error = ''
  /** The id of the sent request's card, shown in the result view; undefined on the form. */
  resultId: string | undefined

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _workflow: () => Workflow,
    private readonly _config: () => PublicConfig | undefined,
    private readonly _draft: DraftController
  ) {}

  /** Saves the draft's request in the outbox; true once it is there. */
  async send(): Promise<boolean> {
    const config = this._config()
    const { fields, editEntryId } = this._draft
    if (!config || !fields) return false
    const workflow = this._workflow()
    this.pending = true
    this.error = ''
    this._host.requestUpdate()
    try {
      const { request } = buildRequest(workflow, fields, workflowModel(config, workflow))
      // Only Product Shoot sends photos; Ad Graphic never has any.
      const references = workflow === 'product-shoot' ? [...this._draft.photos.photos] : []
      this.resultId = editEntryId
        ? await resendEntry(editEntryId, { request, references })
        : await enqueueGeneration({ workflow, request, references })
      this._draft.editEntryId = undefined
      return true
    } catch (error) {
      console.error(error)
      this.error = "Couldn't save this request on this device. Try again."
      return false
    } finally {
      this.pending = false
      this._host.requestUpdate()
    }
  }

  /** Back to the form. */
  leaveResult(): void {
    this.resultId = undefined
    this._host.requestUpdate()
  }
}
