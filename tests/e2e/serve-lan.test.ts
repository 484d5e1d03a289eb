/**
 * `npm run serve:lan` without its build step: the server starts on a free port, prints the
 * address and a QR code, serves the built page over https with the Content-Security-Policy
 * header, and stops. No LAN is needed: the page is fetched on this machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:https';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { instructions } from '../../scripts/serve-lan';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../scripts/security-headers';

const ROOT = resolve(import.meta.dirname, '../..');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET over https, accepting the self-signed certificate (as the person does on the phone). */
function fetchInsecure(url: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(url, { rejectUnauthorized: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** The script's output up to "Ctrl+C" (everything is printed at once when it listens). */
function outputUntilReady(child: ChildProcess, timeoutMs = 60_000): Promise<string> {
  return new Promise((done, fail) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`serve-lan printed no address in time:\n${output}`)),
      timeoutMs,
    );
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('Ctrl+C')) {
        clearTimeout(timer);
        done(output);
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`serve-lan exited (${code}):\n${output}`));
    });
  });
}

let child: ChildProcess | null = null;

afterEach(() => {
  child?.kill('SIGTERM');
  child = null;
});

describe('npm run serve:lan', () => {
  it('serves the build over https on a free port with the CSP header, prints address and QR code, then stops', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve-lan.ts', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = await outputUntilReady(child);
    // A network address when the machine has one, else the local one; the port is the free one chosen.
    const url =
      /https:\/\/\d+\.\d+\.\d+\.\d+:(\d+)\//.exec(output) ?? /https:\/\/localhost:(\d+)\//.exec(output);
    expect(url, output).not.toBeNull();
    const port = Number(url?.[1]);
    expect(port).toBeGreaterThan(0);
    if (output.includes('open (or scan)')) {
      // The QR code is drawn with half-block characters.
      expect(output).toMatch(/[▀▄█]{7}/);
      expect(output).toContain('Show Details');
      expect(output).toContain('Advanced › Proceed');
    } else {
      expect(output).toContain('no network address');
    }

    const page = await fetchInsecure(`https://localhost:${port}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(page.body).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
    );
    const worker = await fetchInsecure(`https://localhost:${port}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.body).toContain('precacheAndRoute');

    const exited = new Promise<number | null>((done) => child?.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    await exited;
    child = null;
    await expect(fetchInsecure(`https://localhost:${port}/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('says how to connect when the computer has no network address', async () => {
    const text = await instructions({ networkUrls: [], localUrl: 'https://localhost:4173/' });
    expect(text).toContain('no network address');
    expect(text).toContain('https://localhost:4173/');
    expect(text).not.toMatch(/[▀▄█]/);
  });
});
