// Types for lucide's per-icon ES modules, imported one by one (icons/index.ts) so that only the icons
// the scene draws are bundled, in the browser and in the server's PDF worker alike.
declare module 'lucide/dist/esm/icons/*.mjs' {
  const node: readonly [tag: string, attrs: Readonly<Record<string, string | number | undefined>>][]
  export default node
}
