// src/runtime/worker.ts, over the corpus global-setup.ts kept in pieces.

import data from '.build/corpus.json'
import type { Corpus } from '../../src/core/corpus.ts'
import { workerFor } from '../../src/runtime/edge.ts'

export default workerFor(data as Corpus)
