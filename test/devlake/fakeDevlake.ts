import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  method: string
  path: string
  authorization: string | null
  contentType: string | null
  body: unknown
}

/** How to answer one request: a status and a JSON body (null: no body). */
export type Answer = { status: number; body: unknown } | null

/**
 * A stand-in for a DevLake webhook connection on 127.0.0.1 (port 0): records every request and
 * answers with `answer` (200 with no body when it returns null).
 */
export async function fakeDevlake(answer: (request: Received, index: number) => Answer = () => null): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
      const request: Received = {
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization ?? null,
        contentType: req.headers['content-type'] ?? null,
        body,
      }
      received.push(request)
      const reply = answer(request, received.length - 1)
      if (reply === null) {
        res.writeHead(200).end()
      } else {
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/rest/plugins/webhook/connections/7`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
