import { describe, expect, it } from 'vitest'
import { precacheList } from './serviceWorkerPlugin'

describe('precacheList', () => {
  it('keeps every built asset, lazy chunks and fonts included, and leaves out maps and root files', () => {
    expect(
      precacheList([
        'index.html',
        'assets/index-a1.js',
        'assets/index-a1.js.map',
        'assets/renderBoardPdf-b2.js',
        'assets/DejaVuSans-c3.ttf',
        'assets/index-d4.css',
        'favicon.svg',
      ]),
    ).toEqual([
      '/assets/DejaVuSans-c3.ttf',
      '/assets/index-a1.js',
      '/assets/index-d4.css',
      '/assets/renderBoardPdf-b2.js',
    ])
  })
})
