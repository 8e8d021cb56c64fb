/**
 * The workflow types a content case runs as. New cases start as ContentCaseWorkflowV2; cases started
 * before 0.4.0 run on as ContentCaseWorkflow until they close (workflows/content-case.ts). Every list
 * of cases asks for both.
 */
export const CASE_WORKFLOW_TYPE = 'ContentCaseWorkflowV2';
export const CASE_WORKFLOW_TYPES = ['ContentCaseWorkflow', CASE_WORKFLOW_TYPE] as const;

/** The visibility clause that selects content cases of either type. */
export const IS_CASE_WORKFLOW = `WorkflowType IN (${CASE_WORKFLOW_TYPES.map((type) => `'${type}'`).join(', ')})`;
