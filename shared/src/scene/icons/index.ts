/*
 * The scene's icons: lucide's outlines (the `lucide` package, pinned in package.json), one module per
 * icon so only these are bundled. Each is drawn on a 24-unit square grid, stroked at width 2 with
 * round caps and joins (lucide's convention), and converted to PathCommand on its first use
 * (icons/svgElements.ts; arcs become cubic curves), so the canvas and every painter draw the same
 * outline, with no emoji font and no bitmap. Why at run time and not a generated module: the numbers
 * are in docs/export.md (a few ms for all of them, and a smaller bundle than the converted data).
 */

import AppWindow from 'lucide/dist/esm/icons/app-window.mjs'
import CircleQuestionMark from 'lucide/dist/esm/icons/circle-question-mark.mjs'
import FaceAngry from 'lucide/dist/esm/icons/face-angry.mjs'
import FaceGrinning from 'lucide/dist/esm/icons/face-grinning.mjs'
import FaceNeutral from 'lucide/dist/esm/icons/face-neutral.mjs'
import FaceSlightlyFrowning from 'lucide/dist/esm/icons/face-slightly-frowning.mjs'
import FaceSlightlySmiling from 'lucide/dist/esm/icons/face-slightly-smiling.mjs'
import Globe from 'lucide/dist/esm/icons/globe.mjs'
import Handshake from 'lucide/dist/esm/icons/handshake.mjs'
import LifeBuoy from 'lucide/dist/esm/icons/life-buoy.mjs'
import Lightbulb from 'lucide/dist/esm/icons/lightbulb.mjs'
import Mail from 'lucide/dist/esm/icons/mail.mjs'
import Megaphone from 'lucide/dist/esm/icons/megaphone.mjs'
import MessageCircle from 'lucide/dist/esm/icons/message-circle.mjs'
import MessagesSquare from 'lucide/dist/esm/icons/messages-square.mjs'
import Phone from 'lucide/dist/esm/icons/phone.mjs'
import Quote from 'lucide/dist/esm/icons/quote.mjs'
import Share2 from 'lucide/dist/esm/icons/share-2.mjs'
import Smartphone from 'lucide/dist/esm/icons/smartphone.mjs'
import Split from 'lucide/dist/esm/icons/split.mjs'
import Store from 'lucide/dist/esm/icons/store.mjs'
import Tag from 'lucide/dist/esm/icons/tag.mjs'
import TriangleAlert from 'lucide/dist/esm/icons/triangle-alert.mjs'
import UserRound from 'lucide/dist/esm/icons/user-round.mjs'
import Zap from 'lucide/dist/esm/icons/zap.mjs'
import { type IconDef, iconFromElements, type SvgElement } from './svgElements'

export type { IconDef }

/** The square grid icons are drawn on, and the stroke width they are drawn with on it. */
export const ICON_GRID = 24
export const ICON_STROKE = 2

const SOURCES = {
  globe: Globe,
  smartphone: Smartphone,
  mail: Mail,
  phone: Phone,
  store: Store,
  'message-circle': MessageCircle,
  'share-2': Share2,
  megaphone: Megaphone,
  'messages-square': MessagesSquare,
  'life-buoy': LifeBuoy,
  handshake: Handshake,
  'app-window': AppWindow,
  tag: Tag,
  'triangle-alert': TriangleAlert,
  zap: Zap,
  lightbulb: Lightbulb,
  'circle-question-mark': CircleQuestionMark,
  quote: Quote,
  'face-angry': FaceAngry,
  'face-slightly-frowning': FaceSlightlyFrowning,
  'face-neutral': FaceNeutral,
  'face-slightly-smiling': FaceSlightlySmiling,
  'face-grinning': FaceGrinning,
  'user-round': UserRound,
  split: Split,
} as const satisfies Record<string, readonly SvgElement[]>

export type IconName = keyof typeof SOURCES

export const ICON_NAMES = Object.keys(SOURCES) as IconName[]

const converted = new Map<IconName, IconDef>()

/** An icon's outline, converted once and kept. */
export function iconDef(name: IconName): IconDef {
  let def = converted.get(name)
  if (!def) {
    def = iconFromElements(SOURCES[name])
    converted.set(name, def)
  }
  return def
}

/** The icon's elements as lucide ships them (tests compare the conversion against them). */
export const iconSource = (name: IconName): readonly SvgElement[] => SOURCES[name]
