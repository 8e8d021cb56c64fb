// CloudFormation custom resource: runs one Fargate task to completion and fails the deployment unless it exits 0.
const { ECSClient, RunTaskCommand, DescribeTasksCommand } = require('@aws-sdk/client-ecs');
const https = require('node:https');

const ecs = new ECSClient({});

exports.handler = async (event, context) => {
  const physicalId = event.PhysicalResourceId || `${event.LogicalResourceId}-task`;
  let status = 'SUCCESS';
  let reason = 'nothing to do on delete';
  try {
    if (event.RequestType !== 'Delete') {
      const p = event.ResourceProperties;
      const started = await ecs.send(
        new RunTaskCommand({
          cluster: p.Cluster,
          taskDefinition: p.TaskDefinition,
          launchType: 'FARGATE',
          count: 1,
          startedBy: 'cloudformation',
          networkConfiguration: {
            awsvpcConfiguration: { subnets: p.Subnets, securityGroups: p.SecurityGroups, assignPublicIp: 'DISABLED' },
          },
        }),
      );
      const task = started.tasks && started.tasks[0];
      if (!task) throw new Error(`RunTask failed: ${JSON.stringify(started.failures)}`);
      const exitCode = await waitForExit(p.Cluster, task.taskArn, context);
      if (exitCode !== 0) throw new Error(`${task.taskArn} exited with ${exitCode}; read its log group`);
      reason = `${task.taskArn} exited 0`;
    }
  } catch (err) {
    status = 'FAILED';
    reason = String((err && err.message) || err);
  }
  console.log(status, reason);
  await respond(event, status, reason, physicalId);
};

async function waitForExit(cluster, taskArn, context) {
  while (context.getRemainingTimeInMillis() > 40000) {
    await new Promise((resolve) => setTimeout(resolve, 15000));
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster, tasks: [taskArn] }));
    const task = tasks && tasks[0];
    if (task && task.lastStatus === 'STOPPED') {
      const container = task.containers && task.containers[0];
      if (!container || container.exitCode === undefined) throw new Error(`stopped without exit code: ${task.stoppedReason}`);
      return container.exitCode;
    }
  }
  throw new Error(`timed out waiting for ${taskArn}; it may still be running`);
}

function respond(event, status, reason, physicalId) {
  const body = JSON.stringify({
    Status: status,
    Reason: reason.slice(0, 2000),
    PhysicalResourceId: physicalId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  });
  return new Promise((resolve, reject) => {
    const req = https.request(event.ResponseURL, {
      method: 'PUT',
      headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => res.resume().on('end', resolve));
    req.on('error', reject);
    req.end(body);
  });
}
