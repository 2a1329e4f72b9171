import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import supertest from 'supertest';
import { TEST_PASSWORD, TestUser } from './factories';

/**
 * Several API processes as production runs them: the built API (dist/apps/api/main.js) twice,
 * each on its own port, reaching PostgreSQL through a private PgBouncer in transaction mode
 * (DATABASE_URL) and directly (DATABASE_DIRECT_URL), behind a private nginx that balances them
 * round-robin and sets X-Forwarded-*. Everything lives in a temporary directory, on ports of its
 * own, and is stopped by stop().
 */

const builtApi = path.resolve(__dirname, '../../../../dist/apps/api/main.js');
const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';
export const API_ROLE_QUERY = 'SET ROLE roi_app; SET jit = off';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// PgBouncer and PostgreSQL refuse to run as root: when the tests do, they run as `postgres`.
const asRoot = process.getuid?.() === 0;
function serviceUser(): { uid: number; gid: number } | undefined {
  if (!asRoot) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/** A temporary directory the service user may write. */
export function serviceDirectory(prefix: string): string {
  const directory = mkdtempSync(path.join(tmpdir(), prefix));
  const user = serviceUser();
  if (user) chownSync(directory, user.uid, user.gid);
  return directory;
}

export interface Service {
  readonly process: ChildProcess;
  output(): string;
  /** Resolves when the process has exited. */
  exited(): Promise<void>;
  /** Sends the signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; asServiceUser?: boolean } = {},
): Service {
  const user = options.asServiceUser ? serviceUser() : undefined;
  const child = user
    ? spawn(
        'setpriv',
        [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--init-groups', '--', command, ...args],
        { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] },
      )
    : spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // Keeps the last part only: a long run logs every request.
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-2_000_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    process: child,
    output: () => output,
    exited: () => exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      // A process that does not stop within 15 s is killed, so a test run never hangs on it.
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

async function waitFor(
  what: string,
  service: Service,
  ready: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.process.exitCode !== null || service.process.signalCode !== null) {
      throw new Error(`${what} exited (${service.process.exitCode}):\n${service.output()}`);
    }
    if (await ready().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} not ready within ${timeoutMs} ms:\n${service.output()}`);
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A PostgreSQL cluster of the test's own, which it may stop and start at will. */
export class PrivatePostgres {
  private server?: Service;

  private constructor(
    readonly directory: string,
    readonly port: number,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const directory = serviceDirectory('roi-pg-');
    const postgres = new PrivatePostgres(directory, await freePort());
    const initdb = run(
      path.join(POSTGRES_BIN, 'initdb'),
      [
        '-D',
        path.join(directory, 'data'),
        '-U',
        'postgres',
        '--auth=trust',
        '-E',
        'UTF8',
        '--no-sync',
      ],
      { asServiceUser: true },
    );
    await initdb.exited();
    if (initdb.process.exitCode !== 0) throw new Error(`initdb failed:\n${initdb.output()}`);
    await postgres.start();
    return postgres;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const server = run(
      path.join(POSTGRES_BIN, 'postgres'),
      [
        '-D',
        path.join(this.directory, 'data'),
        '-p',
        String(this.port),
        '-k',
        this.directory,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'max_connections=200',
      ],
      { asServiceUser: true },
    );
    this.server = server;
    await waitFor('PostgreSQL', server, () => answers(this.url()));
  }

  /** A fast shutdown: sessions are ended, everything committed is kept. */
  async stop(): Promise<void> {
    await this.server?.stop('SIGINT');
    this.server = undefined;
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** A private PgBouncer in transaction mode in front of one database. */
export class PgBouncer {
  private constructor(
    private readonly service: Service,
    readonly port: number,
    readonly database: string,
  ) {}

  static async start(target: {
    host: string;
    port: number;
    database: string;
    directory: string;
  }): Promise<PgBouncer> {
    const port = await freePort();
    const { directory } = target;
    writeFileSync(path.join(directory, 'userlist.txt'), '"postgres" ""\n');
    // The API's server connections run as roi_app: PgBouncer does not pass on the startup
    // option that sets the role on a direct connection.
    writeFileSync(
      path.join(directory, 'pgbouncer.ini'),
      [
        '[databases]',
        `${target.database} = host=${target.host} port=${target.port} dbname=${target.database} connect_query='${API_ROLE_QUERY}'`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${port}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${path.join(directory, 'userlist.txt')}`,
        'admin_users = postgres',
        'pool_mode = transaction',
        'max_client_conn = 500',
        'default_pool_size = 20',
        'ignore_startup_parameters = extra_float_digits',
        'server_reset_query =',
        // After a failed login to the server (it is restarting), try again within a second
        // rather than PgBouncer's default 15 s, which would hold readiness down that long.
        'server_login_retry = 1',
        `logfile = ${path.join(directory, 'pgbouncer.log')}`,
        `pidfile = ${path.join(directory, 'pgbouncer.pid')}`,
        '',
      ].join('\n'),
    );
    const service = run('/usr/sbin/pgbouncer', [path.join(directory, 'pgbouncer.ini')], {
      asServiceUser: true,
    });
    const bouncer = new PgBouncer(service, port, target.database);
    await waitFor('PgBouncer', service, () => answers(bouncer.url()));
    return bouncer;
  }

  url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${this.database}`;
  }

  /** A command on PgBouncer's admin console (PAUSE, RESUME, SHOW POOLS...). */
  async admin(command: string): Promise<void> {
    const client = new Client({
      connectionString: `postgres://postgres@127.0.0.1:${this.port}/pgbouncer`,
    });
    await client.connect();
    try {
      await client.query(command);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  stop(): Promise<void> {
    return this.service.stop('SIGINT');
  }
}

/** A private nginx balancing round-robin over the API processes. */
export class Nginx {
  private constructor(
    private readonly service: Service,
    /** Plain http, as a proxy on the same host would forward it. */
    readonly url: string,
    /** As if TLS ended here: the same, with X-Forwarded-Proto https. */
    readonly tlsUrl: string,
  ) {}

  static async start(upstreamPorts: number[], directory: string): Promise<Nginx> {
    const [port, tlsPort] = [await freePort(), await freePort()];
    for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
      mkdirSync(path.join(directory, temp), { recursive: true });
    }
    const location = (proto: string) => `
      location / {
        proxy_pass http://api;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto ${proto};
        proxy_set_header X-Forwarded-Host $http_host;
        proxy_next_upstream error timeout;
        proxy_connect_timeout 1s;
        proxy_buffering off;
        proxy_read_timeout 300s;
        add_header X-Upstream $upstream_addr always;
      }`;
    const config = `
      daemon off;
      master_process off;
      worker_processes 1;
      pid ${directory}/nginx.pid;
      error_log ${directory}/error.log warn;
      events { worker_connections 1024; }
      http {
        access_log off;
        client_body_temp_path ${directory}/body;
        proxy_temp_path ${directory}/proxy;
        fastcgi_temp_path ${directory}/fastcgi;
        uwsgi_temp_path ${directory}/uwsgi;
        scgi_temp_path ${directory}/scgi;
        client_max_body_size 300m;
        upstream api {
          ${upstreamPorts.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=1s;`).join('\n          ')}
          keepalive 16;
        }
        server { listen 127.0.0.1:${port}; ${location('$scheme')} }
        server { listen 127.0.0.1:${tlsPort}; ${location('https')} }
      }`;
    const file = path.join(directory, 'nginx.conf');
    writeFileSync(file, config);
    const service = run('/usr/sbin/nginx', [
      '-p',
      directory,
      '-c',
      file,
      '-e',
      `${directory}/error.log`,
    ]);
    const nginx = new Nginx(service, `http://127.0.0.1:${port}`, `http://127.0.0.1:${tlsPort}`);
    await waitFor('nginx', service, async () => {
      await fetch(`${nginx.url}/api/health/live`);
      return true;
    });
    return nginx;
  }

  stop(): Promise<void> {
    return this.service.stop('SIGQUIT');
  }
}

/** One process of the built API on a port of its own; it can be killed and started again. */
export class ApiProcess {
  private service!: Service;
  private earlierOutput = '';

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly environment: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.service.process.pid;
  }

  output(): string {
    return this.earlierOutput + this.service.output();
  }

  async start(): Promise<void> {
    if (this.service) this.earlierOutput += this.service.output();
    this.service = run(process.execPath, [builtApi], {
      env: { ...process.env, ...this.environment, PORT: String(this.port) },
    });
    await waitFor(
      `API ${this.name}`,
      this.service,
      async () => {
        return (await fetch(`${this.url}/api/health/ready`)).ok;
      },
      60_000,
    );
  }

  /** kill -9: no shutdown, no goodbye to the database or the proxy. */
  kill(): Promise<void> {
    return this.service.stop('SIGKILL');
  }

  stop(): Promise<void> {
    return this.service?.stop('SIGTERM') ?? Promise.resolve();
  }
}

export interface ClusterOptions {
  /** The database (owner URL, directly on its server), already migrated. */
  databaseUrl: string;
  processes?: number;
  /** Extra environment for every process, or per process by its index. */
  environment?: Record<string, string>;
  perProcess?: Record<string, string>[];
}

export interface Cluster {
  nginx: Nginx;
  bouncer: PgBouncer;
  apis: ApiProcess[];
  directory: string;
  stop(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const directory = serviceDirectory('roi-cluster-');
  const target = new URL(options.databaseUrl);
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    const bouncer = await PgBouncer.start({
      host: target.hostname,
      port: Number(target.port || 5432),
      database: target.pathname.slice(1),
      directory,
    });
    stoppers.push(() => bouncer.stop());
    const apis: ApiProcess[] = [];
    for (let index = 0; index < (options.processes ?? 2); index++) {
      const api = new ApiProcess(String.fromCharCode(65 + index), await freePort(), {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        DATABASE_URL: bouncer.url(),
        DATABASE_DIRECT_URL: options.databaseUrl,
        LOG_LEVEL: 'info',
        SEED_DEMO: 'false',
        DIGEST_SCHEDULER: 'off',
        WEB_DIST_DIR: path.join(directory, 'no-web-app'),
        TRUST_PROXY: 'loopback',
        ...options.environment,
        ...options.perProcess?.[index],
      });
      apis.push(api);
    }
    // Started together: each migrates nothing (the database is ready) and checks its role.
    // A process is stopped even when its start fails or another's does.
    for (const api of apis) stoppers.push(() => api.stop());
    const started = await Promise.allSettled(apis.map((api) => api.start()));
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const nginx = await Nginx.start(
      apis.map((api) => api.port),
      directory,
    );
    stoppers.push(() => nginx.stop());
    return { nginx, bouncer, apis, directory, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Signs up through `url` (nginx, or one process) with an agent that keeps the cookies. */
export async function signUpAt(
  url: string,
  headers: Record<string, string> = {},
): Promise<TestUser> {
  const agent = supertest.agent(url);
  const email = `person-${randomBytes(4).toString('hex')}@example.org`;
  const response = await agent
    .post('/api/v1/auth/sign-up')
    .set(headers)
    .send({ email, name: 'Ada Lovelace', password: TEST_PASSWORD });
  if (response.status !== 201) throw new Error(`signUp: ${response.status} ${response.text}`);
  return new TestUser(agent, response.body.csrfToken, response.body.user.id, email);
}

/** The session cookie and CSRF header of a signed-in person, to send to another address. */
export function credentialsOf(response: supertest.Response): Record<string, string> {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return {
    Cookie: cookies.map((cookie) => cookie.split(';')[0]).join('; '),
    'X-CSRF-Token': response.body.csrfToken,
  };
}
