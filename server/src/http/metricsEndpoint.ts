import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Metrics } from '../metrics'
import { bearerToken, isSecret } from '../permissions/tokens'

/** GET /metrics in the Prometheus text format; with a metricsToken set, only with that Bearer token. */
export async function serveMetrics(
  metrics: Metrics,
  metricsToken: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (metricsToken !== undefined) {
    if (!isSecret(bearerToken(req.headers.authorization), metricsToken)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer' })
      return void res.end('missing or wrong metrics token\n')
    }
  }
  const body = await metrics.registry.metrics()
  res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' })
  res.end(body)
}
