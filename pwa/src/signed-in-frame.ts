// The frame's parts for signed-in users only, loaded when someone is signed in, so a first visit
// to a public page does not carry them.
import './components/app-account-menu.ts'
import './components/app-verify-notice.ts'
