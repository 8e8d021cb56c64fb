import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { heartbeat } from './activity-context';
import type { ClassifierActivities } from './classifier-contract';
import type { ClassifierRegistry } from './classifier/registry/classifier-registry';
import { VerdictExample } from './classifier/registry/registry-documents';
import { shippedModel } from './classifier/model/shipped-model';
import type { TextModel } from './classifier/model/text-model';
import { trainModel } from './classifier/model/train-model';
import type { DatasetItem } from './classifier/training/dataset-schema';
import { evaluateModel } from './classifier/training/evaluate-model';
import { testSplitHash } from './classifier/training/generate-dataset';
import { loadDataset, TEST_HASH_PATH } from './classifier/training/load-dataset';
import { decidePromotion } from './classifier/training/promotion';
import { parseInput } from './input';

const RetrainInput = z.object({ runId: z.string().min(1).max(200) });

/** Verdict examples join train or calibration (never test), by a hash of the case id. */
function splitOfExample(caseId: string): 'train' | 'calibration' {
  return createHash('sha256').update(caseId).digest()[0]! < 256 * 0.2 ? 'calibration' : 'train';
}

export function classifierActivities(
  registry: ClassifierRegistry,
  now: () => Date = () => new Date(),
  fallback: () => TextModel = shippedModel,
): ClassifierActivities {
  return {
    async recordVerdictExample(input) {
      const example = parseInput('recordVerdictExample', VerdictExample, input);
      return { key: await registry.putExample(example) };
    },

    async retrainClassifier(input) {
      const { runId } = parseInput('retrainClassifier', RetrainInput, input);
      const dataset = loadDataset();
      const testSha256 = testSplitHash(dataset);
      const committed = fs.readFileSync(TEST_HASH_PATH, 'utf8').trim();
      if (testSha256 !== committed)
        throw new Error(
          `The test split changed (SHA-256 ${testSha256}, committed ${committed}): restore data/classifier/labelled.jsonl`,
        );
      const examples: DatasetItem[] = [];
      for (const example of await registry.listExamples()) {
        const text = await registry.readText(example.text);
        if (text === undefined) continue;
        examples.push({
          id: `verdict-${example.caseId}`,
          label: example.label,
          split: splitOfExample(example.caseId),
          source: 'verdict',
          text,
          tags: ['verdict'],
        });
      }
      heartbeat({ phase: 'training', examples: examples.length });
      const candidate = trainModel([...dataset, ...examples]);
      heartbeat({ phase: 'evaluating', candidate: candidate.version });
      const test = dataset.filter((item) => item.split === 'test');
      const candidateMetrics = evaluateModel(candidate, test);
      const pointer = await registry.current();
      // Before the first promotion, intake runs the committed model: the candidate must beat that one.
      const currentModel = pointer ? await registry.getModel(pointer.version) : fallback();
      const currentMetrics = currentModel ? evaluateModel(currentModel, test) : undefined;
      const decision =
        currentModel?.version === candidate.version
          ? { promote: false, reasons: ['candidate is the current model'] }
          : decidePromotion(candidateMetrics, currentMetrics);
      await registry.putModel(candidate);
      const reportKey = await registry.putReport(runId, {
        runId,
        at: now().toISOString(),
        testSplitSha256: testSha256,
        examples: examples.length,
        candidate: { version: candidate.version, metrics: candidateMetrics },
        current: currentModel ? { version: currentModel.version, metrics: currentMetrics } : null,
        decision,
      });
      if (decision.promote)
        await registry.promote({
          version: candidate.version,
          promotedAt: now().toISOString(),
          testAccuracy: candidateMetrics.accuracy,
          testSplitSha256: testSha256,
        });
      return {
        candidate: candidate.version,
        ...(currentModel ? { current: currentModel.version, currentAccuracy: currentMetrics!.accuracy } : {}),
        promoted: decision.promote,
        reasons: decision.reasons,
        examples: examples.length,
        candidateAccuracy: candidateMetrics.accuracy,
        reportKey,
      };
    },
  };
}
