/**
 * Serves the built app (dist/) over https on every network interface, so a phone on the same
 * Wi-Fi can open it: motion sensors and service workers need a secure context, and a phone
 * reaches a laptop only by its network address, which plain http does not make secure.
 * Prints the address and a QR code to scan, and the certificate step.
 *
 *   npm run serve:lan              # builds first, then serves on port 4173 (or the next free one)
 *   npx tsx scripts/serve-lan.ts --port 8443
 *
 * The certificate is self-signed (@vitejs/plugin-basic-ssl, kept 30 days in
 * node_modules/.vite/basic-ssl): the phone warns once, see README "On a phone".
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import basicSsl from '@vitejs/plugin-basic-ssl';
import { toString as qrCode } from 'qrcode';
import { preview, type PreviewServer } from 'vite';

/** vite preview's port; taken, the next free one is used. */
export const DEFAULT_PORT = 4173;

export interface LanServer {
  server: PreviewServer;
  /** https://<address>:<port>/ on each network interface (none without a network). */
  networkUrls: string[];
  /** https://localhost:<port>/ */
  localUrl: string;
  close(): Promise<void>;
}

/** Starts the https server over dist/ (built beforehand), listening on all interfaces. */
export async function startLanServer(port: number = DEFAULT_PORT): Promise<LanServer> {
  const server = await preview({
    logLevel: 'warn',
    preview: { host: true, port, strictPort: false },
    plugins: [basicSsl({ name: 'stork' })],
  });
  const urls = server.resolvedUrls;
  const localUrl = urls?.local[0];
  if (!urls || !localUrl) throw new Error('serve-lan: the server gave no address');
  return { server, networkUrls: urls.network, localUrl, close: () => server.close() };
}

/** What the terminal shows: addresses, a QR code of the first network address, the certificate step. */
export async function instructions(lan: Pick<LanServer, 'networkUrls' | 'localUrl'>): Promise<string> {
  const phoneUrl = lan.networkUrls[0];
  const lines = ['', '  Stork is served over https.', ''];
  if (phoneUrl === undefined) {
    lines.push(
      `  This computer has no network address: connect it to the phone's Wi-Fi and start again.`,
      `  On this computer: ${lan.localUrl}`,
    );
    return lines.join('\n');
  }
  lines.push(
    '  On a phone on the same Wi-Fi, open (or scan):',
    '',
    ...lan.networkUrls.map((url) => `    ${url}`),
    '',
    await qrCode(phoneUrl, { type: 'terminal', small: true }),
    '  The certificate is self-signed, so the phone warns once:',
    '    iPhone (Safari): Show Details › visit this website › Visit Website.',
    '    Android (Chrome): Advanced › Proceed to the address (unsafe).',
    '  The test then works; to install Stork for offline use, deploy the build to an https host',
    '  (docs/deploy.md).',
    '',
    '  Press Ctrl+C to stop.',
  );
  return lines.join('\n');
}

/** Runs when started as a script (not when a test imports it). */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--port');
  const port = at >= 0 ? Number(process.argv[at + 1]) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port: "${process.argv[at + 1]}" is not a port number`);
  }
  const lan = await startLanServer(port);
  console.log(await instructions(lan));
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
