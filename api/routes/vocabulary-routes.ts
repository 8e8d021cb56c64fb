import { z } from 'zod';
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
import { officerGuard } from '../officer-guard';
import { BEARER } from '../openapi';
import { withErrors } from '../route-schemas';
import type { ZodApp } from '../server';

const Values = z.array(z.string());
const VocabularyBody = z.object({
  stages: Values,
  priorities: Values,
  categories: Values,
  categoryLabels: z.record(z.string(), z.string()),
  actionCategories: Values,
  hoaxLabels: Values,
  regions: Values,
  platforms: Values,
  pillars: Values,
  channels: Values,
  steps: Values,
  timelineActions: Values,
});

/**
 * The domain's enumerations for clients that cannot import domain/ (the console is plain JS without a
 * build step), so its filters and forms offer exactly the values the schemas accept.
 */
export function registerVocabularyRoutes(app: ZodApp, deps: ApiDeps): void {
  app.get(
    '/api/vocabulary',
    {
      onRequest: officerGuard(deps),
      schema: {
        summary: "The domain's enumerations (stages, categories, regions, steps...) for forms and filters",
        tags: ['meta'],
        security: BEARER,
        response: withErrors({ 200: VocabularyBody }),
      },
    },
    async () => ({
      stages: [...CASE_STAGES],
      priorities: [...PRIORITIES],
      categories: [...CATEGORIES],
      categoryLabels: CATEGORY_LABELS,
      actionCategories: [...ActionCategory.options],
      hoaxLabels: [...HOAX_LABELS],
      regions: [...REGIONS],
      platforms: [...PLATFORMS],
      pillars: [...LITERACY_PILLARS],
      channels: [...PUBLICATION_CHANNELS],
      steps: [...CASE_UPDATE_NAMES],
      timelineActions: [...TIMELINE_ACTIONS],
    }),
  );
}
