// A person's view of the API's log: the API always writes JSON lines (what a log collector wants);
// on a terminal `npm start` reads them and prints each as one short, coloured line instead, and
// leaves out Nest's start-up chatter (one line per module and per route) unless it is a warning.
import { createInterface } from 'node:readline';
import { prettyFactory } from 'pino-pretty';

const NEST_START_UP = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);
const WARN = 40;

const pretty = prettyFactory({
  colorize: process.env.NO_COLOR === undefined,
  translateTime: 'SYS:HH:MM:ss',
  ignore: 'pid,hostname,service,context,req,res,responseTime,reqId',
  singleLine: true,
  // A request reads as what happened to it, e.g. "GET /api/v1/me 200 in 4 ms".
  messageFormat: (log, messageKey) =>
    log.req && log.res
      ? `${log.req.method} ${log.req.url} ${log.res.statusCode} in ${log.responseTime} ms`
      : String(log[messageKey] ?? ''),
});

/** Whether a parsed log line is worth a person's attention. */
export function shownOnTerminal(log) {
  return log.level >= WARN || !NEST_START_UP.has(log.context);
}

/** Prints the JSON lines read from `input` on `output` as a person reads them. */
export function printForPeople(input, output = process.stdout) {
  const lines = createInterface({ input, crlfDelay: Infinity });
  lines.on('line', (line) => {
    let log;
    try {
      log = JSON.parse(line);
    } catch {
      output.write(`${line}\n`);
      return;
    }
    if (shownOnTerminal(log)) output.write(pretty(log));
  });
  return new Promise((resolve) => lines.on('close', resolve));
}
