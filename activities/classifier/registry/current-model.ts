import type { TextModel } from '../model/text-model';
import type { ClassifierRegistry } from './classifier-registry';

const POINTER_TTL_MS = 60_000;

/**
 * The promoted model for intake, read through a cache: the pointer at most once a minute, each model
 * version once. Without a promoted model (before the first retraining) it gives undefined: rules only.
 */
export class CurrentModel {
  private checkedAt = 0;
  private model: TextModel | undefined;
  /** The pointer read in flight: classifications that arrive meanwhile wait for it, not read it again. */
  private checking: Promise<TextModel | undefined> | undefined;

  constructor(
    private readonly registry: Pick<ClassifierRegistry, 'current' | 'getModel'>,
    private readonly clock: () => number = Date.now,
  ) {}

  get(): Promise<TextModel | undefined> {
    if (this.clock() - this.checkedAt < POINTER_TTL_MS) return Promise.resolve(this.model);
    this.checking ??= this.check().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async check(): Promise<TextModel | undefined> {
    try {
      const pointer = await this.registry.current();
      if (pointer && pointer.version !== this.model?.version)
        this.model = await this.registry.getModel(pointer.version);
      if (!pointer) this.model = undefined;
    } catch (error) {
      // Triage must not stop on the model store: keep the model in hand (or the rules) and retry later.
      console.warn(
        `classifier: could not read the current model, keeping ${this.model?.version ?? 'rules only'}:`,
        error,
      );
    }
    this.checkedAt = this.clock();
    return this.model;
  }
}
