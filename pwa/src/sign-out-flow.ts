import { askDialog } from './components/app-dialog.ts'
import { unsentEntries } from './data/outbox.ts'
import { signOut } from './data/session.ts'
import { navigate } from './navigation.ts'

const unsentTitle = (n: number): string =>
  n === 1 ? "1 request hasn't been sent yet." : `${n} requests haven't been sent yet.`

/**
 * Signs out (docs/product.md §9.3), first asking when requests are still waiting on the device,
 * since signing out deletes them; then goes to the landing page. Profile and the account menu share
 * it; `from` is the element that asked.
 */
export const confirmSignOut = async (from: Element): Promise<void> => {
  const unsent = (await unsentEntries()).length
  if (unsent > 0) {
    const answer = await askDialog({
      title: unsentTitle(unsent),
      body: 'Signing out deletes them from this device.',
      actions: [
        { label: 'Cancel', value: 'cancel' },
        { label: 'Sign out anyway', value: 'sign-out', kind: 'danger' },
      ],
    })
    if (answer !== 'sign-out') return
  }
  await signOut()
  navigate(from, '/', { replace: true })
}
