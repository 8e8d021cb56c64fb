import { CaseState } from '../../../domain';

const supervisor = { officerId: 'budi.supervisor', role: 'supervisor' } as const;
const verifier = { officerId: 'siti.verifier', role: 'verifier' } as const;
/** A SHA-256 hex digest of one repeated digit. */
export const sha = (digit: string) => digit.repeat(64);

/** A case in action with every kind of track, checked against the domain's own schema. */
export const sampleCaseState = CaseState.parse({
  caseId: 'case-0123456789abcdef0123',
  generation: 1,
  policyVersion: '2025-11.1',
  stage: 'action',
  openedAt: '2025-11-20T08:00:00.000Z',
  priority: 'urgent',
  category: 'hoax',
  region: 'banjarmasin',
  subject: { url: 'https://www.youtube.com/watch?v=banjir', platform: 'youtube' },
  detections: { count: 3, bySource: { crawler: 2, officer: 1 }, rejected: 0, reporterRefs: [] },
  classification: {
    category: 'hoax',
    confidence: 0.8,
    rules: ['hoax.flood'],
    alternatives: [],
    suggestedPriority: 'high',
  },
  evidence: [
    {
      kind: 'snapshot',
      bucket: 'saring-evidence',
      key: 'case-0123456789abcdef0123/snapshot.html',
      sha256: sha('a'),
      size: 10,
      contentType: 'text/html',
      capturedAt: '2025-11-20T08:00:01.000Z',
    },
    {
      kind: 'police_package',
      bucket: 'saring-evidence',
      key: 'case-0123456789abcdef0123/police.zip',
      sha256: sha('b'),
      size: 20,
      contentType: 'application/zip',
      capturedAt: '2025-11-20T09:00:00.000Z',
    },
  ],
  assignee: 'siti.verifier',
  verdict: {
    verdict: { kind: 'hoax', label: 'HOAKS', reasons: ['Dinkes: tidak benar'] },
    by: verifier,
    at: '2025-11-20T08:30:00.000Z',
  },
  tracks: {
    clarification: {
      kind: 'clarification',
      status: 'published',
      draft: {
        revision: 1,
        title: '[HOAKS] Banjir',
        body: 'Saring sebelum sharing.',
        pillar: 'digital_safety',
        channels: ['website'],
        jointWithPolice: false,
        by: verifier,
        at: '2025-11-20T08:40:00.000Z',
      },
      rejections: [],
    },
    response: { kind: 'response', status: 'drafting', rejections: [] },
    takedowns: [
      {
        key: 'youtube-1',
        platform: 'youtube',
        url: 'https://www.youtube.com/watch?v=banjir',
        childWorkflowId: 'case-0123456789abcdef0123/takedown/youtube-1',
        status: 'escalating',
        attempt: 1,
        level: 'ST1',
        updatedAt: '2025-11-20T09:00:00.000Z',
      },
    ],
    police: {
      childWorkflowId: 'case-0123456789abcdef0123/police',
      status: 'reported',
      report: { number: 'LP/B/123/XI/2025', by: supervisor, at: '2025-11-20T09:30:00.000Z' },
      followUps: [],
    },
  },
  deadlines: [
    {
      id: 'takedown_compliance:youtube-1',
      sla: 'takedown_compliance',
      label: 'takedown on youtube (youtube-1)',
      priority: 'urgent',
      startedAt: '2025-11-20T08:30:00.000Z',
      dueAt: '2025-11-20T12:30:00.000Z',
      remindersSent: [],
    },
    {
      id: 'police_report',
      sla: 'police_report',
      label: 'police report number',
      priority: 'urgent',
      assignee: 'budi.supervisor',
      startedAt: '2025-11-20T08:30:00.000Z',
      dueAt: '2025-11-20T09:30:00.000Z',
      breachedAt: '2025-11-20T09:30:00.000Z',
      remindersSent: [],
    },
    {
      id: 'verification',
      sla: 'verification',
      label: 'verification',
      priority: 'urgent',
      startedAt: '2025-11-20T08:00:00.000Z',
      dueAt: '2025-11-20T09:00:00.000Z',
      closedAt: '2025-11-20T08:30:00.000Z',
      closedHow: 'met',
      remindersSent: [],
    },
  ],
  slaBreached: true,
  timeline: [],
});
