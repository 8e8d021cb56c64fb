import path from 'node:path';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';
import { canonicalJson } from '../canonical-json';

/**
 * A workflow history as Temporal's JSON (the form `temporal workflow show --output json` prints and
 * replay tools read), with every object's keys sorted, indented by 2 spaces.
 *
 * Why sorted: the server encodes protobuf maps (search attributes, headers, memo) in no fixed order,
 * so two fetches of the same finished history can list map keys differently. Sorting makes the text,
 * and so its SHA-256, a function of the history alone: fetch it today or next year, same digest.
 *
 * Not `historyToJSON` from @temporalio/common, for the sorting, and because it breaks whenever npm
 * gives @temporalio/common and @temporalio/proto separate nested copies of protobufjs ("type must
 * be a Type"). Loading protojson from where @temporalio/proto resolves protobufjs keeps the types and
 * the converter on one instance, whatever npm hoists.
 */
type ProtoJson = {
  toJson(type: unknown, message: unknown): unknown;
};

const protoDir = path.dirname(require.resolve('@temporalio/proto/package.json'));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved at run time from @temporalio/proto's own folder
const protojson = require(require.resolve('protobufjs/ext/protojson', { paths: [protoDir] })) as ProtoJson;
const patched = patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown };
const historyType = patched.lookupType('temporal.api.history.v1.History');

export function historyToJson(history: proto.temporal.api.history.v1.IHistory): string {
  const message = proto.temporal.api.history.v1.History.fromObject(history);
  return canonicalJson(protojson.toJson(historyType, message));
}
