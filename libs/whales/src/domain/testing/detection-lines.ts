import { createHash } from 'node:crypto';

import { seededRandom } from '@nexwave/core';

import { ActivityTracker, WhaleActivity } from '../activity-tracker';
import { detectWhales } from '../detect-whales';
import { detectionRules } from '../detection-rules';
import { WhaleCandidate } from '../whale-candidate';
import { randomBook } from './books';
import { stressBooks } from './stress-books';

const BOOKS_PER_DIGEST = 100;

/**
 * Every detection and tracker update on many generated books, one line each with every figure
 * (exact strings, floats in full), digested by run and by 100 books (the lines would take
 * megabytes). Recorded in detection-digests.fixture.json from the detector before its numeric
 * fast path, so a change in any detection shows as a changed digest, naming the books.
 */
export function detectionDigests(): Record<string, string> {
  const groups = new Map<string, string[]>();
  for (const line of [...trackedLines(), ...detectedLines()]) {
    const [run, book] = line.split(' ', 2);
    const first = Math.floor(Number(book) / BOOKS_PER_DIGEST) * BOOKS_PER_DIGEST;
    const key = `${run} books ${first}-${first + BOOKS_PER_DIGEST - 1}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return Object.fromEntries(
    [...groups].map(([key, lines]) => [
      key,
      `${lines.length} lines ${createHash('sha256').update(lines.join('\n')).digest('hex')}`,
    ]),
  );
}

function trackedLines(): string[] {
  const lines: string[] = [];
  const runs = [
    { name: 'bench', seed: 20260115, levelsPerSide: 50, thresholdUsd: 25_000 },
    { name: 'ten-levels', seed: 7, levelsPerSide: 10, thresholdUsd: 25_000 },
    { name: 'low-threshold', seed: 8, levelsPerSide: 20, thresholdUsd: 1_000 },
  ];
  for (const run of runs) {
    let id = 0;
    const tracker = new ActivityTracker({
      rules: detectionRules({ thresholdUsd: run.thresholdUsd }),
      gracePeriodMs: 10_000,
      newId: () => String(++id),
    });
    stressBooks({ seed: run.seed, symbols: 30, levelsPerSide: run.levelsPerSide, rounds: 40 })
      .flat()
      .forEach((book, i) => {
        const update = tracker.observe(book);
        for (const [tag, activities] of Object.entries(update)) {
          for (const activity of activities as WhaleActivity[]) {
            lines.push(`${run.name} ${i} ${tag} ${activityLine(activity)}`);
          }
        }
      });
  }
  return lines;
}

function detectedLines(): string[] {
  const lines: string[] = [];
  const random = seededRandom(99);
  const ruleSets = [detectionRules(), detectionRules({ thresholdUsd: 1_000 })];
  for (let i = 0; i < 3_000; i++) {
    const book = randomBook(random, i % 2 === 0 ? 10 : 50);
    ruleSets.forEach((rules, r) => {
      for (const candidate of detectWhales(book, rules)) {
        lines.push(`random ${i} rules${r} ${candidateLine(candidate)}`);
      }
    });
  }
  return lines;
}

function activityLine(a: WhaleActivity): string {
  return [
    a.id,
    a.kind,
    a.prices.join(','),
    a.maxNotionalUsd,
    a.maxConfidence,
    a.sightings,
    a.changes.map((c) => `${c.kind}/${c.levelCount}/${c.notionalUsd}`).join(','),
    a.alertedNotionalUsd,
    a.updateAlerts,
    a.priceAtDetection,
    candidateLine(a.latest),
  ].join(' ');
}

function candidateLine(c: WhaleCandidate): string {
  return [
    c.symbol,
    c.side,
    c.kind,
    c.levels.map((l) => `${l.price}x${l.amount}`).join(','),
    `${c.priceLow}-${c.priceHigh}`,
    c.size,
    c.notionalUsd,
    c.orderCount,
    c.standout,
    c.confidence,
  ].join(' ');
}
