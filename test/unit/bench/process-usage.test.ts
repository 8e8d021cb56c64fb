import { spawn } from 'node:child_process';
import { groupUsage, treeCpuSeconds } from '../../../bench/peak/process-usage';

/**
 * PostgreSQL's backends each call setsid, so a process-group sum misses them; the tree sum follows parents.
 * A shell (its own group) starts a CPU-bound child in a new session and waits for it.
 */
describe('treeCpuSeconds', () => {
  it('counts the CPU of a descendant that left the process group', async () => {
    const busyChild = `setsid -w sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done'; sleep 5`;
    const root = spawn('sh', ['-c', busyChild], { detached: true, stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Live, the child's own utime counts; once reaped, its time sits in the root's cutime/cstime.
      let tree = 0;
      for (let i = 0; i < 100 && tree < 0.1; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        tree = treeCpuSeconds(root.pid!);
      }
      expect(tree).toBeGreaterThanOrEqual(0.1);
      expect(groupUsage(root.pid!).cpuSeconds).toBeLessThan(tree / 2);
    } finally {
      process.kill(-root.pid!, 'SIGKILL');
    }
  });

  it('is zero for a process id that does not exist', () => {
    expect(treeCpuSeconds(2 ** 22 + 12_345)).toBe(0);
  });
});
