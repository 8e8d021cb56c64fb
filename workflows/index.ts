/** Every workflow type the case worker registers (workers bundle this file). */
export { ContentCaseWorkflow, ContentCaseWorkflowV2 } from './content-case';
export { PlatformTakedownWorkflow, PlatformTakedownWorkflowV2 } from './children/takedown';
export { PoliceEscalationWorkflow, PoliceEscalationWorkflowV2 } from './children/police';
export { ClassifierRetrainingWorkflow } from './classifier-retraining';
export { AuditArchiveSweepWorkflow } from './audit/archive-sweep';
export { ReporterContactErasureWorkflow } from './contact-erasure';
export { CaseReportWorkflow } from './reports/report-workflow';
export { NewCaseDigestWorkflow } from './alerts/new-case-digest';
