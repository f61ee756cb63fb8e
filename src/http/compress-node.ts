/**
 * Compression for the Node server (on Workers the platform compresses). Each document is
 * compressed once, at the highest level, and the result kept: the cost is paid per document,
 * never per request.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Compressor } from './documents.ts'

export const compressOnce: Compressor = (body, encoding) =>
  encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: constants.Z_BEST_COMPRESSION })
