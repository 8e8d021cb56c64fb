import {
  ActionCategory,
  CASE_STAGES,
  CASE_UPDATE_NAMES,
  CATEGORIES,
  CATEGORY_LABELS,
  HOAX_LABELS,
  LITERACY_PILLARS,
  PLATFORMS,
  PRIORITIES,
  PUBLICATION_CHANNELS,
  REGIONS,
  TIMELINE_ACTIONS,
} from '../../domain';
import type { ApiDeps } from '../api-deps';
import { authenticate } from '../auth';
import { sendJson, type Router } from '../http-kit';

/**
 * The domain's enumerations for clients that cannot import domain/ (the console is plain JS without a
 * build step), so its filters and forms offer exactly the values the schemas accept.
 */
export function registerVocabularyRoutes(router: Router, deps: ApiDeps): void {
  router.on('GET', '/api/vocabulary', async (req, res) => {
    authenticate(req, deps.officers);
    sendJson(res, 200, {
      stages: CASE_STAGES,
      priorities: PRIORITIES,
      categories: CATEGORIES,
      categoryLabels: CATEGORY_LABELS,
      actionCategories: ActionCategory.options,
      hoaxLabels: HOAX_LABELS,
      regions: REGIONS,
      platforms: PLATFORMS,
      pillars: LITERACY_PILLARS,
      channels: PUBLICATION_CHANNELS,
      steps: CASE_UPDATE_NAMES,
      timelineActions: TIMELINE_ACTIONS,
    });
  });
}
