import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** A tiny repository with the project's layout, checked with the project's rules. */
async function violations(files: Record<string, string>): Promise<Violation[]> {
  const dir = await mkdtemp(join(tmpdir(), 'nexwave-depcruise-'));
  try {
    const tree: Record<string, string> = {
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          baseUrl: '.',
          paths: { '@nexwave/*': ['libs/*/src/index.ts'] },
        },
      }),
      ...files,
    };
    for (const [path, text] of Object.entries(tree)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        DEPCRUISE,
        'libs',
        '--config',
        join(ROOT, '.dependency-cruiser.cjs'),
        '--output-type',
        'json',
      ],
      { cwd: dir },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const result = JSON.parse(stdout) as { summary: { violations: Violation[] } };
    return result.summary.violations;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const INDEXES = {
  'libs/core/src/index.ts': 'export const core = 1;\n',
  'libs/messaging/src/index.ts': 'export const contract = 1;\n',
  'libs/market-data/src/index.ts': 'export const marketData = 1;\n',
  'libs/orders/src/index.ts': 'export const orders = 1;\n',
};

describe('dependency rules', () => {
  it('refuse a context importing another context, even through its index', async () => {
    const found = await violations({
      ...INDEXES,
      'libs/whales/src/application/prices.ts':
        "import { marketData } from '@nexwave/market-data';\nexport const p = marketData;\n",
      'libs/strategy/src/signals.ts':
        "import { orders } from '../../orders/src/index';\nexport const s = orders;\n",
    });
    expect(
      found
        .filter((v) => v.rule.name === 'context-never-imports-context')
        .map((v) => [v.from, v.to])
        .sort(),
    ).toEqual([
      ['libs/strategy/src/signals.ts', 'libs/orders/src/index.ts'],
      ['libs/whales/src/application/prices.ts', 'libs/market-data/src/index.ts'],
    ]);
  });

  it('let a context import contracts, the shared kernel and its own code', async () => {
    const found = await violations({
      ...INDEXES,
      'libs/whales/src/index.ts': "export * from './application/prices';\n",
      'libs/whales/src/application/prices.ts':
        "import { core } from '@nexwave/core';\nimport { contract } from '@nexwave/messaging';\n" +
        'export const p = core + contract;\n',
    });
    expect(found).toEqual([]);
  });

  it('let the backtester compose context domains through their indexes, never their infrastructure', async () => {
    const found = await violations({
      ...INDEXES,
      'libs/orders/src/infrastructure/exchange/paper-exchange.adapter.ts':
        'export const paper = 1;\n',
      'libs/backtest/src/domain/engine.ts':
        "import { orders } from '@nexwave/orders';\n" +
        "import { paper } from '../../../orders/src/infrastructure/exchange/paper-exchange.adapter';\n" +
        'export const e = orders + paper;\n',
    });
    expect(found.map((v) => [v.rule.name, v.from, v.to]).sort()).toEqual([
      [
        'backtest-composes-context-domains',
        'libs/backtest/src/domain/engine.ts',
        'libs/orders/src/infrastructure/exchange/paper-exchange.adapter.ts',
      ],
      [
        'only-through-index',
        'libs/backtest/src/domain/engine.ts',
        'libs/orders/src/infrastructure/exchange/paper-exchange.adapter.ts',
      ],
    ]);
  });
});
