/*
 * Commands over the board's tag list (add, rename, recolor, remove) and the filter shared with
 * everyone. The filter each person keeps for themselves is local UI state (state/ui.ts), not a write.
 */
import {
  addTag,
  getTags,
  recolorTag,
  removeTag,
  renameTag,
  setSharedFilter,
} from '../../../shared/src/board/schema'
import { TAG_COLORS } from '../../../shared/src/board/style'
import { LOCAL_ORIGIN } from '../doc/localHistory'
import type { Command, CommandArgs, CommandContext } from './registry'

const hasTag = (ctx: CommandContext, args?: CommandArgs): boolean =>
  args?.tag !== undefined && getTags(ctx.doc).has(args.tag)

const named = (args?: CommandArgs): boolean => (args?.title?.trim() ?? '') !== ''

export const TAG_COMMANDS: readonly Command[] = [
  {
    id: 'tag.add',
    label: 'Add a tag',
    edits: true,
    enabled: (_ctx, args) => named(args),
    run: (ctx, args) => {
      if (args?.title) addTag(ctx.doc, args.title, args.tagColor ?? 'gray', LOCAL_ORIGIN)
    },
  },
  {
    id: 'tag.rename',
    label: 'Rename a tag',
    edits: true,
    enabled: (ctx, args) => hasTag(ctx, args) && named(args),
    run: (ctx, args) => {
      if (args?.tag && args.title) renameTag(ctx.doc, args.tag, args.title, LOCAL_ORIGIN)
    },
  },
  {
    id: 'tag.recolor',
    label: 'Recolor a tag',
    edits: true,
    enabled: (ctx, args) =>
      hasTag(ctx, args) && args?.tagColor !== undefined && TAG_COLORS.includes(args.tagColor),
    run: (ctx, args) => {
      if (args?.tag && args.tagColor) recolorTag(ctx.doc, args.tag, args.tagColor, LOCAL_ORIGIN)
    },
  },
  {
    id: 'tag.remove',
    label: 'Remove a tag (from every note too)',
    edits: true,
    enabled: hasTag,
    run: (ctx, args) => {
      if (args?.tag) removeTag(ctx.doc, args.tag, LOCAL_ORIGIN)
    },
  },
]

export const FILTER_COMMANDS: readonly Command[] = [
  {
    id: 'filter.share',
    label: 'Share the note filter with everyone',
    edits: true,
    // null stops sharing; an empty filter is the same as none.
    enabled: (_ctx, args) => args?.filter !== undefined,
    run: (ctx, args) => {
      const filter = args?.filter
      if (filter === undefined) return
      const empty = !filter || (filter.tags.length === 0 && filter.kinds.length === 0)
      setSharedFilter(ctx.doc, empty ? null : filter, LOCAL_ORIGIN)
    },
  },
]
