import { ClaimReviewDocument, Report, StatementsOfReasonsExport, type CaseFacts } from '../../../domain';
import { computeReport, latestFactsPerCase, nearestRank } from '../../../reports/compute-report';
import { daysOfMonth, periodRange, previousPeriod } from '../../../reports/period';
import { reportToCsv } from '../../../reports/report-csv';
import { claimReviews, statementsOfReasons } from '../../../reports/transparency-exports';

const fact = (caseId: string, overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId,
  asOf: '2026-11-30T00:00:00.000Z',
  openedAt: '2026-11-29T01:00:00.000Z',
  category: 'online_gambling',
  platform: 'website',
  region: 'banjarmasin',
  source: 'crawler',
  priority: 'urgent',
  contentType: 'url',
  url: 'https://judi.example/a',
  classified: true,
  deadlines: [],
  takedowns: [],
  ...overrides,
});

describe('report periods (WITA, UTC+8)', () => {
  it('maps days and months to UTC ranges and finds the period that just ended', () => {
    expect(periodRange({ kind: 'daily', period: '2026-11-29' })).toEqual({
      from: new Date('2026-11-28T16:00:00.000Z'),
      to: new Date('2026-11-29T16:00:00.000Z'),
    });
    expect(periodRange({ kind: 'monthly', period: '2026-12' }).to).toEqual(
      new Date('2026-12-31T16:00:00.000Z'),
    );
    // 00:30 WITA on 1 December is 16:30 UTC on 30 November.
    expect(previousPeriod('daily', new Date('2026-11-30T16:30:00.000Z'))).toEqual({
      kind: 'daily',
      period: '2026-11-30',
    });
    expect(previousPeriod('monthly', new Date('2026-11-30T17:00:00.000Z'))).toEqual({
      kind: 'monthly',
      period: '2026-11',
    });
    expect(previousPeriod('monthly', new Date('2027-01-01T00:00:00.000Z'))).toEqual({
      kind: 'monthly',
      period: '2026-12',
    });
    expect(daysOfMonth('2028-02')).toHaveLength(29);
  });
});

describe('computeReport', () => {
  const day = { kind: 'daily', period: '2026-11-29' } as const;
  // 2026-11-29 WITA is [2026-11-28T16:00Z, 2026-11-29T16:00Z).
  const facts = [
    fact('case-a', {
      verdict: { kind: 'illegal', at: '2026-11-29T01:10:00.000Z', reasons: ['situs judi'] },
      deadlines: [
        {
          sla: 'verification',
          startedAt: '2026-11-29T01:00:00.000Z',
          dueAt: '2026-11-29T03:00:00.000Z',
          closedAt: '2026-11-29T01:10:00.000Z',
          closedHow: 'met',
        },
        {
          sla: 'takedown_compliance',
          startedAt: '2026-11-29T01:11:00.000Z',
          dueAt: '2026-11-29T05:11:00.000Z',
          breachedAt: '2026-11-29T05:11:00.000Z',
          closedAt: '2026-11-29T07:11:00.000Z',
          closedHow: 'met_late',
        },
      ],
      takedowns: [
        {
          key: 'x-1',
          platform: 'x',
          url: 'https://x.com/1',
          requestedAt: '2026-11-29T01:11:00.000Z',
          result: 'removed',
          level: 'ST1',
          finishedAt: '2026-11-29T07:11:00.000Z',
        },
        {
          key: 'meta-1',
          platform: 'meta',
          url: 'https://facebook.com/1',
          requestedAt: '2026-11-29T01:11:00.000Z',
          result: 'removed',
          finishedAt: '2026-11-29T02:11:00.000Z',
        },
      ],
      closedAt: '2026-11-29T08:00:00.000Z',
      resolution: 'actioned',
    }),
    fact('case-b', {
      openedAt: '2026-11-29T15:59:59.000Z',
      category: 'hoax',
      source: 'public_complaint',
      region: 'tapin',
      verdict: { kind: 'hoax', at: '2026-11-29T15:59:59.000Z', label: 'HOAKS', reasons: ['tidak benar'] },
      clarification: {
        pillar: 'digital_ethics',
        title: '[HOAKS] Banjir',
        label: 'HOAKS',
        publishedAt: '2026-11-29T15:59:59.500Z',
        urls: ['https://diskominfo.kalselprov.go.id/k/1'],
      },
    }),
    // Opened the next day (WITA): not in this report.
    fact('case-c', { openedAt: '2026-11-29T16:00:00.000Z' }),
    // Opened the day before, its verdict today: counted in time to verdict only.
    fact('case-d', {
      openedAt: '2026-11-28T10:00:00.000Z',
      verdict: { kind: 'no_violation', at: '2026-11-29T10:00:00.000Z', reasons: ['ok'] },
    }),
  ];
  const report = Report.parse(computeReport(day, facts, new Date('2026-11-29T17:00:00.000Z')));

  it('counts each event in the period it happened in', () => {
    expect(report.complete).toBe(true);
    expect(report.opened).toEqual({
      total: 2,
      byCategory: { hoax: 1, online_gambling: 1 },
      byPlatform: { website: 2 },
      byRegion: { banjarmasin: 1, tapin: 1 },
      bySource: { crawler: 1, public_complaint: 1 },
    });
    expect(report.closed.total).toBe(1);
    expect(report.closed.byResolution).toEqual({ actioned: 1 });
    expect(report.slaCompliance.verification).toEqual({ met: 1, breached: 0, rate: 1 });
    expect(report.slaCompliance.takedown_compliance).toEqual({ met: 0, breached: 1, rate: 0 });
    expect(report.slaCompliance.police_report).toEqual({ met: 0, breached: 0, rate: null });
    // Verdicts after 10, 0 and 1440 minutes: nearest rank p50 = 10, p90 = 1440.
    expect(report.timeToVerdict).toEqual({ count: 3, p50Minutes: 10, p90Minutes: 1440 });
    // Removals 360 (x, after ST1) and 60 (meta) minutes after the order.
    expect(report.timeToTakedown).toEqual({ count: 2, p50Minutes: 60, p90Minutes: 360 });
    expect(report.takedownCompliance.x).toMatchObject({
      requested: 1,
      compliedInTime: 0,
      compliedAfterEscalation: 1,
      rate: 0,
      ladder: { ST1: 1, ST2: 0, ST3: 0 },
    });
    expect(report.takedownCompliance.meta).toMatchObject({ requested: 1, compliedInTime: 1, rate: 1 });
    expect(report.clarificationsByPillar).toEqual({
      digital_skill: 0,
      digital_culture: 0,
      digital_ethics: 1,
      digital_safety: 0,
    });
  });

  it('marks a period still under way as provisional, and keeps the latest read of a case', () => {
    expect(computeReport(day, facts, new Date('2026-11-29T12:00:00.000Z')).complete).toBe(false);
    const older = fact('case-a', { asOf: '2026-11-29T00:00:00.000Z' });
    expect(latestFactsPerCase([facts[0]!, older])).toEqual([facts[0]]);
    expect(nearestRank([], 0.5)).toBeNull();
    expect(nearestRank([5], 0.9)).toBe(5);
  });

  it('writes CSV that spreadsheets read as data, never as formulas', () => {
    const csv = reportToCsv({ ...report, opened: { ...report.opened, byRegion: { '=HYPERLINK("x")': 1 } } });
    expect(csv.split('\r\n')).toEqual(
      expect.arrayContaining([
        'section,group,key,metric,value',
        'opened,total,,cases,2',
        `opened,region,"'=HYPERLINK(""x"")",cases,1`,
        'duration,time_to_verdict,,p90_minutes,1440',
        'takedown,platform,x,ladder_ST1,1',
      ]),
    );
  });

  it('exports DSA-shaped statements of reasons and ClaimReview JSON-LD that pass their schemas', () => {
    const sor = StatementsOfReasonsExport.parse(statementsOfReasons(day, facts));
    expect(sor.statements).toHaveLength(2);
    expect(sor.statements.find((s) => s.platform_name === 'X')).toMatchObject({
      uuid: 'case-a:x-1',
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      category: 'STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS',
      content_type: ['CONTENT_TYPE_OTHER'],
      application_date: '2026-11-29',
      source_type: 'SOURCE_VOLUNTARY',
      automated_detection: 'Yes',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      puid: 'https://x.com/1',
      illegal_content_explanation: 'situs judi',
    });
    const reviews = ClaimReviewDocument.parse(claimReviews(day, facts));
    expect(reviews['@graph']).toEqual([
      expect.objectContaining({
        '@type': 'ClaimReview',
        url: 'https://diskominfo.kalselprov.go.id/k/1',
        claimReviewed: 'Banjir',
        datePublished: '2026-11-29',
        reviewRating: expect.objectContaining({ alternateName: 'HOAKS', ratingValue: 1 }),
      }),
    ]);
    expect(claimReviews({ kind: 'daily', period: '2026-11-30' }, facts)['@graph']).toEqual([]);
  });
});
