/* Whether the Facilitate side panel is open: this person's UI, never shared. */
import { create } from 'zustand'

export const FACILITATOR_PANEL_ID = 'facilitator-panel'

export const useFacilitatorPanel = create<{ open: boolean }>()(() => ({ open: false }))

export const setFacilitatorPanelOpen = (open: boolean): void => useFacilitatorPanel.setState({ open })
