import recorded from './testing/detection-digests.fixture.json';
import { detectionDigests } from './testing/detection-lines';

describe('detections on generated books', () => {
  it('are line for line those the decimal detector found before the numeric fast path', () => {
    expect(detectionDigests()).toEqual(recorded);
  });
});
