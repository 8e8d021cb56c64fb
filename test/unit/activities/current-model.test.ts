import { CurrentModel } from '../../../activities/classifier/registry/current-model';
import { CurrentModelPointer } from '../../../activities/classifier/registry/registry-documents';
import { shippedModel } from '../../../activities/classifier/model/shipped-model';

/** The registry as CurrentModel sees it; the pointer is checked with the registry's own schema. */
function registryDouble(pointer: CurrentModelPointer) {
  const calls = { current: 0, getModel: 0 };
  let answer!: () => void;
  const gate = new Promise<void>((resolve) => (answer = resolve));
  return {
    calls,
    answer,
    async current() {
      calls.current += 1;
      await gate;
      return CurrentModelPointer.parse(pointer);
    },
    async getModel(version: string) {
      calls.getModel += 1;
      return { ...shippedModel(), version };
    },
  };
}

describe('the promoted model for intake', () => {
  const pointer = {
    version: 'lr-0123456789ab',
    promotedAt: '2026-11-30T00:00:00.000Z',
    testAccuracy: 0.9,
    testSplitSha256: 'a'.repeat(64),
  };

  it('reads the pointer once for classifications that arrive together, and once a minute after', async () => {
    let now = 1_000_000;
    const registry = registryDouble(pointer);
    const current = new CurrentModel(registry, () => now);
    const waiting = Array.from({ length: 50 }, () => current.get());
    registry.answer();
    const models = await Promise.all(waiting);
    expect(models.every((model) => model?.version === pointer.version)).toBe(true);
    expect(registry.calls).toEqual({ current: 1, getModel: 1 });

    now += 59_000;
    await Promise.all(Array.from({ length: 10 }, () => current.get()));
    expect(registry.calls.current).toBe(1);
    now += 2_000;
    await Promise.all(Array.from({ length: 10 }, () => current.get()));
    expect(registry.calls).toEqual({ current: 2, getModel: 1 });
  });
});
