// What the browser tests share (atlas.test.mjs, workspace.test.mjs): a timed log, TAP-like steps that
// count failures, a free port, and `csa serve` started and waited for until its API answers.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export class Harness {
  constructor() { this.started = Date.now(); this.failures = 0; this.server = null; }

  log(s) { console.log(`[${((Date.now() - this.started) / 1000).toFixed(1)} s] ${s}`); }

  // Runs one journey; a failure is printed and counted, and the next journey still runs.
  async step(name, fn) {
    const t0 = Date.now();
    try { await fn(); console.log(`ok - ${name} (${Date.now() - t0} ms)`); }
    catch (e) { this.failures++; console.log(`not ok - ${name}\n  ${String(e.stack || e).split('\n').slice(0, 6).join('\n  ')}`); }
  }

  // `csa serve ARGS --port P --host 127.0.0.1` on a free port; resolves to its base URL once
  // /api/meta answers (15 s at most; if it exits first, its output is in the error).
  async startServe(csa, args) {
    const port = await freePort();
    const all = ['serve', ...args, '--port', String(port), '--host', '127.0.0.1'];
    this.log(`starting ${csa} ${all.join(' ')}`);
    const t0 = Date.now();
    this.server = spawn(csa, all, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    this.server.stdout.on('data', (d) => { out += d; });
    this.server.stderr.on('data', (d) => { out += d; });
    const exited = new Promise((resolve) => this.server.once('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 150; i++) {
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 100))]);
      if (code !== undefined) throw new Error(`csa serve exited ${code}: ${out}`);
      try {
        const r = await fetch(url + 'api/meta');
        if (r.ok) { this.log(`server answered after ${Date.now() - t0} ms: ${out.trim().split('\n')[0] || ''}`); return url; }
      } catch { /* not yet */ }
    }
    throw new Error(`csa serve did not answer on ${url} within 15 s: ${out}`);
  }

  stopServe() { if (this.server) this.server.kill('SIGTERM'); }

  // The last line and the exit status.
  finish() {
    this.log(this.failures ? `${this.failures} failed` : 'all passed');
    process.exit(this.failures ? 1 : 0);
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}
