// The frame's parts for signed-in users only, loaded when someone is signed in, so a first visit
// to a public page does not carry them.
import './app-account-menu.ts'
import './app-verify-notice.ts'
