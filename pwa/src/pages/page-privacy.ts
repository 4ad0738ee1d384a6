import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import { focusRing, pageStyles } from '../styles/shared.ts'

/** `/privacy`: what Addreams keeps, where, and how to remove it. Short and plain. */
@customElement('page-privacy')
export class PagePrivacy extends LitElement {
  static override styles = [pageStyles, focusRing]

  override render() {
    return html`
      <h1>Privacy</h1>
      <p class="lead">What Addreams keeps about you, and how to remove it.</p>
      <p>
        Your account holds your name, email address and a hashed password (or the sign-in provider
        you chose), plus your sessions with the browser and device they came from.
      </p>
      <p>
        The photos you send, your prompts, the images made for you and your credit history are
        stored with your account so that you can see them again. Photos are re-encoded on your
        device before they are sent, which drops location and other camera metadata.
      </p>
      <p>
        To make images, your photos and prompts are sent to the image model provider (Qwen image
        models on Alibaba Cloud Model Studio). Nothing is sold or used for advertising.
      </p>
      <p>
        This device keeps a copy of your history, your drafts and requests waiting to be sent.
        Signing out removes it. Deleting your account in your profile removes your account, all
        generations and images, and your credits for good.
      </p>
      <p><a href="/">Back to Addreams</a></p>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-privacy': PagePrivacy
  }
}
