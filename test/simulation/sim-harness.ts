import { testDataConverter } from '../support/codec/test-codec';
import { Context } from '@temporalio/activity';
import { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type NativeConnection, type WorkflowBundle } from '@temporalio/worker';
import { createCaseAndFetchWorkers } from '../support/workers/case-and-fetch-workers';
import type { CaseActivities } from '../../activities/contract';
import { createCaseTimeSkippingEnv } from '../support/case-test-kit';
import type { CasePolicy } from '../../domain';
import { ACTIVITY_INPUT_SCHEMAS } from '../../activities/input-schemas';
import type { ScriptedActivities } from '../support/scripted-activities';
import { scriptedLearningActivities } from '../support/scripted-learning';
import { releaseLeakedTimeSkippingLock } from './time-skipping-locks';
import { TIMER_GUARD_MS } from '../support/timer-guard';

/** The clock a script moves: the time-skipping server's, or real time on the dev server. */
export interface SimClock {
  nowMs(): Promise<number>;
  /** `signal` gives up a move the caller no longer waits for, so no call is left retrying on the connection. */
  advance(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * After a move that did not end: releases one time-skipping lock the server kept (time-skipping
   * clock only; see time-skipping-locks.ts). True when a lock was released.
   */
  releaseLeakedLock?(): Promise<boolean>;
}

/**
 * Where scripts run: one client, one task queue and one worker for many concurrent scripts. The
 * worker's activities route each call to the scripted world of the case it belongs to (by the
 * case's base id, the prefix of every case, generation and child workflow id).
 */
export interface SimHarness {
  /** For the time-skipping server: `new Client({ connection: env.connection, dataConverter: testDataConverter })`, not env.client. */
  client: Client;
  taskQueue: string;
  clock: SimClock;
  policy: CasePolicy;
  worlds: WorldRouter;
  /** Real-time limit for a case to close once everything it waits for was done. */
  closeTimeoutMs: number;
  /** The finale moves the clock on in steps of this size until the case ends... */
  closeStepMs: number;
  /** ...but no further than this (server time). */
  closeWithinMs: number;
  /** Caps every clock step of a script (real-time clocks: keeps recordings short). */
  maxStepMs?: number;
  /** After each clock step, a timer of the script falling due within this much server time is fired first (timer-guard.ts). */
  timerGuardMs?: number;
}

const BASE_ID = /^case-[a-f0-9]{20}/;

export class WorldRouter {
  private readonly worlds = new Map<string, ScriptedActivities>();

  register(baseId: string, world: ScriptedActivities): void {
    this.worlds.set(baseId, world);
  }

  unregister(baseId: string): void {
    this.worlds.delete(baseId);
  }

  activities(): CaseActivities {
    return {
      // Claim matching and verdict examples (issue 15): no world needs them; their inputs are still checked.
      ...scriptedLearningActivities(),
      ...this.worldActivities(),
    };
  }

  private worldActivities(): CaseActivities {
    return Object.fromEntries(
      (Object.keys(ACTIVITY_INPUT_SCHEMAS) as (keyof CaseActivities)[]).map((name) => [
        name,
        (input: unknown) => {
          const workflowId = Context.current().info.workflowExecution?.workflowId ?? '';
          const world = this.worlds.get(BASE_ID.exec(workflowId)?.[0] ?? '');
          if (!world)
            throw ApplicationFailure.nonRetryable(`no scripted world for ${workflowId}`, 'NoScriptedWorld');
          return world.call(name, input);
        },
      ]),
    ) as unknown as CaseActivities;
  }
}

/**
 * The clock of a time-skipping server. Only `sleep` moves it: the simulator's client is a plain
 * Client, because the time-skipping client's `result()` unlocks and relocks time skipping around
 * each wait, and concurrent waits from several scripts leave it locked (then sleeps hang).
 */
export function timeSkippingClock(env: TestWorkflowEnvironment): SimClock {
  return {
    nowMs: () => env.currentTimeMs(),
    advance: (ms, signal) => {
      const sleep = () => env.sleep(Math.max(1, Math.round(ms)));
      return signal ? env.connection.withAbortSignal(signal, sleep) : sleep();
    },
    releaseLeakedLock: () => releaseLeakedTimeSkippingLock(env),
  };
}

export function realClock(): SimClock {
  return {
    nowMs: async () => Date.now(),
    advance: (ms, signal) =>
      new Promise((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, Math.round(ms)));
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

/** A worker for the simulator's task queue; resolves its run promise when shut down. */
export async function startSimWorker(
  connection: NativeConnection,
  bundle: WorkflowBundle,
  taskQueue: string,
  worlds: WorldRouter,
) {
  const worker = await createCaseAndFetchWorkers({
    dataConverter: testDataConverter,
    connection,
    taskQueue,
    workflowBundle: bundle,
    activities: worlds.activities(),
    maxConcurrentWorkflowTaskExecutions: 20,
    maxConcurrentActivityTaskExecutions: 50,
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
    },
  };
}

/** A harness on a time-skipping server: 3-day steps in the finale, up to 90 days. */
export function timeSkippingHarness(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  policy: CasePolicy,
  worlds: WorldRouter,
): SimHarness {
  return {
    client: new Client({
      connection: env.connection,
      namespace: 'default',
      dataConverter: testDataConverter,
    }),
    taskQueue,
    clock: timeSkippingClock(env),
    policy,
    worlds,
    closeTimeoutMs: 90_000,
    closeStepMs: 3 * 86_400_000,
    closeWithinMs: 90 * 86_400_000,
    timerGuardMs: process.env.SARING_SIM_NO_TIMER_GUARD === '1' ? undefined : TIMER_GUARD_MS,
  };
}

/** `count` lanes, each its own time-skipping server (search attributes registered) and worker. */
export async function startTimeSkippingLanes(count: number, bundle: WorkflowBundle, policy: CasePolicy) {
  const worlds = new WorldRouter();
  const startLane = async (index: number) => {
    const env = await createCaseTimeSkippingEnv();
    const taskQueue = `case-simulator-${index}`;
    const worker = await startSimWorker(env.nativeConnection, bundle, taskQueue, worlds);
    return { env, worker, harness: timeSkippingHarness(env, taskQueue, policy, worlds) };
  };
  const stopLane = async (lane: Awaited<ReturnType<typeof startLane>>) => {
    await lane.worker.stop().catch(() => undefined);
    await lane.env.teardown().catch(() => undefined);
  };
  const lanes = await Promise.all(Array.from({ length: count }, (_, index) => startLane(index)));
  return {
    /** The lanes as they are now (a replaced lane's new harness in its place). */
    get harnesses(): SimHarness[] {
      return lanes.map((lane) => lane.harness);
    },
    /** A fresh server and worker in place of the lane `harness` runs on (its clock ran away: runaway-clock.ts). */
    async replace(harness: SimHarness): Promise<SimHarness> {
      const index = lanes.findIndex((lane) => lane.harness === harness);
      if (index < 0) throw new Error('replace: not a lane of these time-skipping servers');
      await stopLane(lanes[index]!);
      const fresh = await startLane(index);
      lanes[index] = fresh;
      return fresh.harness;
    },
    async stop() {
      await Promise.all(lanes.map(stopLane));
    },
  };
}
