/* Two pages, routed by location.pathname: `/` (home) and `/b/<boardId>` (a board). */
import { useCallback, useEffect, useState } from 'react'
import { BoardPage } from './board/BoardPage'
import { HomePage } from './home/HomePage'

const BOARD_PATH = /^\/b\/([^/]+)\/?$/

export function App() {
  const [path, setPath] = useState(location.pathname)
  useEffect(() => {
    const onPop = () => setPath(location.pathname)
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])
  const navigate = useCallback((to: string) => {
    history.pushState(null, '', to)
    setPath(location.pathname)
  }, [])
  const match = BOARD_PATH.exec(path)
  if (match?.[1]) {
    const boardId = decodeURIComponent(match[1])
    return <BoardPage key={boardId} boardId={boardId} />
  }
  return <HomePage navigate={navigate} />
}
