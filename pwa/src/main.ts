import './start-early.ts'
import './zod-without-eval.ts'
import './styles/tokens.css'
import './app-root.ts'
import { startAppUpdates } from './data/app-update.ts'

startAppUpdates()
