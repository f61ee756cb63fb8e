// The corpus that `dateline build` writes; the Worker imports it (see src/worker.ts).
declare module '*/corpus.json' {
  const corpus: import('./corpus.ts').Corpus
  export default corpus
}
