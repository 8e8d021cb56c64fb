import { findUnavailableMarker } from '../../../activities/liveness/unavailable-pages';
import { PLATFORMS } from '../../../domain/places';
import { removedPage } from '../../../simulators/removed-pages';

describe("the platform simulator's page for taken-down content", () => {
  it.each(PLATFORMS)('is recognised as gone by the liveness check of %s content', (platform) => {
    // The check counts only the content's own platform's notices (and the generic ones): a Meta notice
    // on a Telegram URL is "up", and its takedown would run up the ladder although the platform complied.
    expect(findUnavailableMarker(removedPage(platform), platform)).toBeDefined();
  });

  it('is not mistaken for every platform: a Meta notice on Telegram content still reads as up', () => {
    expect(findUnavailableMarker(removedPage('meta'), 'telegram')).toBeUndefined();
  });
});
