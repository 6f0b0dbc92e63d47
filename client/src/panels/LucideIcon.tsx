/* A scene icon (lucide's outline) as inline SVG, for DOM controls that name the same thing as the canvas. */
import { createElement } from 'react'
import { type IconName, iconSource } from '../../../shared/src/scene/icons'

export function LucideIcon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {iconSource(name).map(([tag, attrs], i) =>
        // An icon's elements are a fixed list: the index is a stable key.
        createElement(tag, { key: i, ...attrs }),
      )}
    </svg>
  )
}
