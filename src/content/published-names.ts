/**
 * Names that are never published: build, export (listFiles) and the Node server's media
 * (src/http/media-node.ts) all skip a file or folder whose name starts with `.` (`.git`, a
 * `.drafts` folder) or is `node_modules`.
 */
export function isUnpublishedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules'
}
