import net from 'node:net';

// A minimal HTTP/1.1 client on one keep-alive socket, for the load generator: a request is one
// write, an answer is read off the socket by its Content-Length (or its chunks) and thrown away.
// Node's own client (agent, parser, response stream, events) cost the load generator a quarter of
// a millisecond of CPU per request, a tenth of all the CPU a request took on the two-core machine,
// taken from the server and database it measures. Only what the benchmarks need: GET, no bodies
// sent, one request at a time per socket.

const HEAD_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

export class KeepAliveClient {
  #socket: net.Socket | null = null;
  #buffer: Buffer = Buffer.alloc(0);
  #pending: { resolve: (status: number) => void; reject: (err: Error) => void } | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** Sends a GET and resolves with the status once the whole answer has arrived. */
  get(path: string): Promise<number> {
    if (this.#pending) return Promise.reject(new Error('one request at a time'));
    const socket = this.#connect();
    const extra = Object.entries(this.headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    return new Promise<number>((resolve, reject) => {
      this.#pending = { resolve, reject };
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\n${extra}\r\n`);
    });
  }

  close(): void {
    this.#socket?.destroy();
    this.#socket = null;
  }

  #connect(): net.Socket {
    if (this.#socket && !this.#socket.destroyed) return this.#socket;
    this.#buffer = Buffer.alloc(0);
    const socket = net.connect(this.port, this.host);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
      this.#parse();
    });
    const fail = (err: Error) => {
      if (this.#socket === socket) this.#socket = null;
      const p = this.#pending;
      this.#pending = null;
      p?.reject(err);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
    this.#socket = socket;
    return socket;
  }

  #parse(): void {
    const buf = this.#buffer;
    const headEnd = buf.indexOf(HEAD_END);
    if (headEnd < 0 || !this.#pending) return;
    const head = buf.toString('latin1', 0, headEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let end: number;
    if (length) {
      end = headEnd + 4 + Number(length[1]);
      if (buf.length < end) return;
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const found = chunkedEnd(buf, headEnd + 4);
      if (found < 0) return;
      end = found;
    } else {
      end = headEnd + 4; // no body (204, 304)
    }
    this.#buffer = buf.subarray(end);
    const p = this.#pending;
    this.#pending = null;
    p.resolve(status);
  }
}

/** Where a chunked body that starts at `from` ends, or -1 while it has not all arrived. */
function chunkedEnd(buf: Buffer, from: number): number {
  let at = from;
  for (;;) {
    const lineEnd = buf.indexOf(CRLF, at);
    if (lineEnd < 0) return -1;
    const size = Number.parseInt(buf.toString('latin1', at, lineEnd), 16);
    if (size === 0) {
      // The last chunk, then (no trailers) an empty line.
      return buf.length >= lineEnd + 4 ? lineEnd + 4 : -1;
    }
    at = lineEnd + 2 + size + 2;
    if (buf.length < at) return -1;
  }
}
