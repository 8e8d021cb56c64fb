import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import type { TextRef } from '../../../domain/case-state';
import { parseModel, serializeModel, type TextModel } from '../model/text-model';
import { CurrentModelPointer, VerdictExample } from './registry-documents';

const PREFIX = 'classifier';

/**
 * The classifier's objects in S3: verdict examples, model files by version, the pointer to the current
 * model and evaluation reports. Every write is idempotent (keys derive from the content's identity).
 */
export class ClassifierRegistry {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  async putExample(example: VerdictExample): Promise<string> {
    const key = `${PREFIX}/examples/${encodeURIComponent(example.caseId)}.json`;
    await this.put(key, JSON.stringify(VerdictExample.parse(example)));
    return key;
  }

  async listExamples(): Promise<VerdictExample[]> {
    const examples: VerdictExample[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: `${PREFIX}/examples/`,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        const body = await this.get(object.Key!);
        if (body !== undefined) examples.push(VerdictExample.parse(JSON.parse(body)));
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return examples.sort((a, b) => a.caseId.localeCompare(b.caseId));
  }

  async readText(ref: TextRef): Promise<string | undefined> {
    return this.getFrom(ref.bucket, ref.key);
  }

  async putModel(model: TextModel): Promise<void> {
    await this.put(`${PREFIX}/models/${model.version}.json`, serializeModel(model));
  }

  async getModel(version: string): Promise<TextModel | undefined> {
    const body = await this.get(`${PREFIX}/models/${version}.json`);
    return body === undefined ? undefined : parseModel(body);
  }

  async current(): Promise<CurrentModelPointer | undefined> {
    const body = await this.get(`${PREFIX}/current.json`);
    return body === undefined ? undefined : CurrentModelPointer.parse(JSON.parse(body));
  }

  async promote(pointer: CurrentModelPointer): Promise<void> {
    await this.put(`${PREFIX}/current.json`, JSON.stringify(CurrentModelPointer.parse(pointer)));
  }

  async putReport(name: string, report: unknown): Promise<string> {
    const key = `${PREFIX}/reports/${z
      .string()
      .regex(/^[\w.-]+$/)
      .parse(name)}.json`;
    await this.put(key, JSON.stringify(report, null, 2));
    return key;
  }

  private async put(key: string, body: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: 'application/json' }),
    );
  }

  private get(key: string): Promise<string | undefined> {
    return this.getFrom(this.bucket, key);
  }

  private async getFrom(bucket: string, key: string): Promise<string | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return await object.Body!.transformToString('utf8');
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }
}
