// The corpus that `dateline build` writes; the Worker imports it (see src/runtime/worker.ts).
declare module '*/corpus.json' {
  const corpus: import('../core/corpus.ts').Corpus
  export default corpus
}
