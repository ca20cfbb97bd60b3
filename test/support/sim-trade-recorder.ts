import { WebSocket } from 'ws';

export interface RecordedTrade {
  /** The simulator's history id: the trade id the app stores. */
  id: number;
  symbol: string;
}

/** Every public trade a Pacifica simulator publishes on the given markets, as a client sees it. */
export class SimTradeRecorder {
  readonly trades: RecordedTrade[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString()) as { channel?: string; data?: unknown };
      if (message.channel === 'trades' && Array.isArray(message.data)) {
        for (const trade of message.data as { h: number; s: string }[]) {
          this.trades.push({ id: trade.h, symbol: trade.s });
        }
      }
    });
  }

  /** Resolves once every market's `trades` subscription is confirmed. */
  static async connect(wsUrl: string, symbols: readonly string[]): Promise<SimTradeRecorder> {
    const socket = new WebSocket(wsUrl);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const recorder = new SimTradeRecorder(socket);
    const confirmed = new Set<string>();
    await new Promise<void>((resolve) => {
      socket.on('message', (raw: Buffer) => {
        const message = JSON.parse(raw.toString()) as {
          channel?: string;
          data?: { symbol?: string };
        };
        if (message.channel === 'subscribe' && message.data?.symbol) {
          confirmed.add(message.data.symbol);
          if (confirmed.size === symbols.length) {
            resolve();
          }
        }
      });
      for (const symbol of symbols) {
        socket.send(JSON.stringify({ method: 'subscribe', params: { source: 'trades', symbol } }));
      }
    });
    return recorder;
  }

  /**
   * Resolves once the simulator answered a ping sent now: everything it published before has
   * arrived (one ordered socket).
   */
  sync(): Promise<void> {
    return new Promise((resolve) => {
      const onMessage = (raw: Buffer) => {
        if ((JSON.parse(raw.toString()) as { channel?: string }).channel === 'pong') {
          this.socket.off('message', onMessage);
          resolve();
        }
      };
      this.socket.on('message', onMessage);
      this.socket.send(JSON.stringify({ method: 'ping' }));
    });
  }

  get lastId(): number {
    return this.trades.at(-1)?.id ?? 0;
  }

  /** Trades with an id above `afterId`. */
  since(afterId: number): RecordedTrade[] {
    return this.trades.filter((trade) => trade.id > afterId);
  }

  close(): void {
    this.socket.close();
  }
}
