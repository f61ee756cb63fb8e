/** Workers entry: the corpus that `dateline build` wrote, served by the shared app (edge.ts). */
import data from '../../build/corpus.json'
import type { Corpus } from '../core/corpus.ts'
import { workerFor } from './edge.ts'

export type { Env } from './edge.ts'

export default workerFor(data as Corpus)
