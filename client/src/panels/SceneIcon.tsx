// A scene icon (lucide's outline, shared/src/scene/icons) as inline SVG, so panels show the very icon
// the canvas and the PDF draw.
import { ICON_GRID, ICON_STROKE, type IconName, iconDef } from '../../../shared/src/scene/icons'
import type { PathCommand } from '../../../shared/src/scene/items'

const toD = (commands: readonly PathCommand[]) => commands.map((c) => c.join(' ')).join(' ')

export function SceneIcon({ name, size = 16 }: { name: IconName; size?: number }) {
  const { strokes, fills } = iconDef(name)
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${ICON_GRID} ${ICON_GRID}`}
      fill="none"
      stroke="currentColor"
      strokeWidth={ICON_STROKE}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {strokes.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an icon's outlines are a fixed list
        <path key={`s${i}`} d={toD(s)} />
      ))}
      {fills.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: as above
        <path key={`f${i}`} d={toD(s)} fill="currentColor" stroke="none" />
      ))}
    </svg>
  )
}
