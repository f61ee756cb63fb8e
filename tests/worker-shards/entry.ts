// src/worker.ts, over the corpus global-setup.ts kept in pieces.
import type { Corpus } from '../../src/corpus.ts'
import { workerFor } from '../../src/edge.ts'
import data from './.build/corpus.json'

export default workerFor(data as Corpus)
