import { Argument, Command, CommanderError, Option } from 'commander';
import { loadConfig, packageVersion, type Config } from '../config.js';
import { DataDirBusyError } from '../db/lock.js';
import { exportFormats, exportLanguages, exportViews, type ExportFormat, type ExportLanguage, type ExportView } from '../contracts/exports.js';
import { accountRoles, permissionCodes, type AccountRole } from '../domain/permissions.js';
import { auditExportCommand, auditVerifyCommand } from './audit.js';
import { readStdin, tokenCreateCommand, userCreateCommand } from './accounts.js';
import { backupCommand, restoreCommand } from './backup.js';
import { doctor } from './doctor.js';
import { cliIo, processIo, tell, withCliIo, type CliIo } from './io.js';
import { migrateCommand, seedCommand } from './database.js';
import { openDataPublishCommand } from './openData.js';
import { exportCommand, exportEntityChoices } from './export.js';
import { importCommand, importEncodings, importModes } from './import.js';
import { indicatorCommand, indicatorsCommand, indicatorValueCommand } from './indicators.js';
import { reportCommand } from './report.js';
import { reportFormats, reportLanguages, type ReportFormat, type ReportLanguage } from '../contracts/reports.js';
import type { TextEncoding } from '../modules/imports/rawRows.js';
import type { ImportMode } from '../modules/imports/writer.js';
import { serve } from './serve.js';

/** Flags shared by the commands that touch the database; each falls back to its environment variable. */
function withDatabaseFlags(cmd: Command): Command {
  return cmd
    .addOption(new Option('--data-dir <dir>', 'embedded database directory').env('STARCITY_DATA_DIR'))
    .addOption(new Option('--database-url <url>', 'PostgreSQL URL; overrides the embedded database').env('DATABASE_URL'))
    .addOption(new Option('--city <name-or-file>', 'city configuration').env('STARCITY_CITY'));
}

function configFrom(opts: Record<string, unknown>): Config {
  const overrides: Partial<Config> = {};
  if (typeof opts.dataDir === 'string') overrides.dataDir = opts.dataDir;
  if (typeof opts.databaseUrl === 'string') overrides.databaseUrl = opts.databaseUrl;
  if (typeof opts.city === 'string') overrides.city = opts.city;
  if (typeof opts.port === 'string') overrides.port = Number(opts.port);
  if (typeof opts.host === 'string') overrides.host = opts.host;
  if (opts.demo === false) overrides.demo = false;
  return loadConfig(cliIo().env, overrides);
}

/** Repeatable options (`--scope a --scope b`) gather into a list. */
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
/** A repeatable option's values; the environment gives them comma-separated in one value. */
const listOption = (values: unknown): string[] => (values as string[]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

export function buildCli(): Command {
  const program = new Command('starcity')
    .description('StarCity — the platform of a global R&D center city (全球研发中心城市)')
    .version(packageVersion)
    // Set before the subcommands, which inherit them: commander writes to the command's streams and
    // throws instead of ending the process, so a test can run the CLI in-process.
    .exitOverride()
    .configureOutput({ writeOut: (text) => void cliIo().stdout.write(text), writeErr: (text) => void cliIo().stderr.write(text) });
  withDatabaseFlags(program.command('serve').description('serve the web UI and the API'))
    .addOption(new Option('-p, --port <port>', 'HTTP port').env('PORT'))
    .addOption(new Option('--host <host>', 'interface to listen on').env('HOST'))
    .addOption(new Option('--no-demo', 'start on an empty database (STARCITY_DEMO=0)'))
    .action((opts) => serve(configFrom(opts)));
  withDatabaseFlags(program.command('migrate').description('apply pending database migrations'))
    .addOption(new Option('--dry-run', 'list pending migrations without applying them').env('STARCITY_DRY_RUN'))
    .action((opts) => migrateCommand(configFrom(opts), opts.dryRun === true));
  withDatabaseFlags(program.command('seed').description('load seed data'))
    .requiredOption('--demo', 'load the demo registry of Changsha')
    .addOption(new Option('--dry-run', 'count what would be loaded without writing').env('STARCITY_DRY_RUN'))
    .action((opts) => seedCommand(configFrom(opts), opts.dryRun === true));
  withDatabaseFlags(program.command('export').description('export a registry list as CSV, XLSX or JSON Lines (to stdout, or --output)'))
    .addArgument(new Argument('<entity>', 'what to export').choices(exportEntityChoices))
    .addOption(new Option('--filter <filter>', 'the list filter, e.g. kind:enterprise,founded_on:>2020-01-01').env('STARCITY_EXPORT_FILTER'))
    .addOption(new Option('--search <text>', 'substring of the name').env('STARCITY_EXPORT_SEARCH'))
    .addOption(new Option('--sort <field>', 'field or field:desc').env('STARCITY_EXPORT_SORT'))
    .addOption(new Option('--format <format>', 'file format').choices(exportFormats).default('csv').env('STARCITY_EXPORT_FORMAT'))
    .addOption(new Option('--lang <lang>', 'zh: Chinese headers and labels; en: canonical keys and codes').choices(exportLanguages).default('zh').env('STARCITY_EXPORT_LANG'))
    .addOption(new Option('--view <view>', 'import: the import format; report: names and labels in --lang, a name beside each credit code').choices(exportViews).default('import').env('STARCITY_EXPORT_VIEW'))
    .addOption(new Option('-o, --output <file>', 'write to this file instead of stdout').env('STARCITY_EXPORT_OUTPUT'))
    .action((entity: string, opts: Record<string, unknown>) =>
      exportCommand(configFrom(opts), entity, {
        format: opts.format as ExportFormat,
        lang: opts.lang as ExportLanguage,
        view: opts.view as ExportView,
        ...(typeof opts.filter === 'string' ? { filter: opts.filter } : {}),
        ...(typeof opts.search === 'string' ? { search: opts.search } : {}),
        ...(typeof opts.sort === 'string' ? { sort: opts.sort } : {}),
        ...(typeof opts.output === 'string' ? { output: opts.output } : {}),
      }),
    );
  withDatabaseFlags(program.command('import').description('import a CSV, XLSX or JSON Lines file into a registry (upsert by natural key)'))
    .addArgument(new Argument('<entity>', 'what to import').choices(exportEntityChoices))
    .argument('<file>', 'the file: .csv (UTF-8 or GB18030), .xlsx or .jsonl')
    .addOption(new Option('--dry-run', 'validate and classify, write nothing').env('STARCITY_DRY_RUN'))
    .addOption(new Option('--mode <mode>', 'upsert: insert or update by natural key; insert: an existing key is rejected').choices(importModes).default('upsert').env('STARCITY_IMPORT_MODE'))
    .addOption(new Option('--atomic', 'write nothing if any row is rejected').env('STARCITY_IMPORT_ATOMIC'))
    .addOption(new Option('--encoding <encoding>', 'CSV text encoding (default: detected)').choices(importEncodings).env('STARCITY_IMPORT_ENCODING'))
    .addOption(new Option('--sheet <name>', 'XLSX sheet (default: the first)').env('STARCITY_IMPORT_SHEET'))
    .addOption(new Option('--report <file>', 'write the problems as CSV to this file').env('STARCITY_IMPORT_REPORT'))
    .addOption(new Option('--district <code>', "limit the import to a district, as a district officer's is: rows outside the area are rejected (repeatable; none = the whole city)").argParser(collect).default([]).env('STARCITY_IMPORT_DISTRICTS'))
    .addOption(new Option('--zone <code>', "limit the import to a zone, as a zone officer's is (repeatable; with --district, a row inside either is in the area)").argParser(collect).default([]).env('STARCITY_IMPORT_ZONES'))
    .action((entity: string, file: string, opts: Record<string, unknown>) =>
      importCommand(configFrom(opts), entity, file, {
        mode: opts.mode as ImportMode,
        atomic: opts.atomic === true,
        dryRun: opts.dryRun === true,
        districts: listOption(opts.district),
        zones: listOption(opts.zone),
        ...(typeof opts.encoding === 'string' ? { encoding: opts.encoding as TextEncoding } : {}),
        ...(typeof opts.sheet === 'string' ? { sheet: opts.sheet } : {}),
        ...(typeof opts.report === 'string' ? { report: opts.report } : {}),
      }),
    );
  withDatabaseFlags(program.command('indicators').description('every indicator with its value in a year (default: the last complete one)'))
    .addOption(new Option('--period <year>', 'the year'))
    .addOption(new Option('--json', 'print JSON observations'))
    .addOption(new Option('--rebuild', "build every indicator's buckets again from the registry first (after a load that bypassed the triggers)"))
    .action((opts) =>
      indicatorsCommand(configFrom(opts), { ...(typeof opts.period === 'string' ? { period: opts.period } : {}), json: opts.json === true, rebuild: opts.rebuild === true }),
    );
  withDatabaseFlags(program.command('indicator').description('one indicator: every year, or one year broken down'))
    .argument('<code>', 'indicator code, e.g. rd_institutions.count')
    .addOption(new Option('--period <year>', 'one year'))
    .addOption(new Option('--area <code>', 'a district code (default: the city)'))
    .addOption(new Option('--breakdown <name>', 'district, zone, category, …'))
    .addOption(new Option('--json', 'print JSON observations'))
    .action((code: string, opts: Record<string, unknown>) =>
      indicatorCommand(configFrom(opts), code, {
        ...(typeof opts.period === 'string' ? { period: opts.period } : {}),
        ...(typeof opts.area === 'string' ? { area: opts.area } : {}),
        ...(typeof opts.breakdown === 'string' ? { breakdown: opts.breakdown } : {}),
        json: opts.json === true,
      }),
    );
  withDatabaseFlags(program.command('indicator-value').description('record an official value (a publication or a revision) with its source'))
    .argument('<code>', 'official indicator code, e.g. gdp')
    .requiredOption('--period <year>', 'the statistical year')
    .requiredOption('--value <number>', 'the value, in the indicator’s unit')
    .requiredOption('--source <text>', 'where it was published')
    .requiredOption('--published-on <date>', 'publication day, YYYY-MM-DD')
    .addOption(new Option('--area <code>', 'a district code (default: the city)'))
    .addOption(new Option('--note <text>', 'a note, e.g. "revised"'))
    .action((code: string, opts: Record<string, unknown>) =>
      indicatorValueCommand(configFrom(opts), code, {
        period: opts.period,
        value: Number(opts.value),
        source: opts.source,
        published_on: opts.publishedOn,
        ...(typeof opts.area === 'string' ? { area: opts.area } : {}),
        ...(typeof opts.note === 'string' ? { note: opts.note } : {}),
      }),
    );
  withDatabaseFlags(program.command('report').description('the annual statistical report of a year as PDF, XLSX or HTML (to stdout, or --out)'))
    .requiredOption('--year <year>', 'the statistical year, e.g. 2025')
    .addOption(new Option('--lang <lang>', 'the language').choices(reportLanguages).default('zh'))
    .addOption(new Option('--format <format>', 'file format').choices(reportFormats).default('pdf'))
    .addOption(new Option('-o, --out <file>', 'write to this file instead of stdout'))
    .action((opts: Record<string, unknown>) =>
      reportCommand(configFrom(opts), {
        year: String(opts.year),
        lang: opts.lang as ReportLanguage,
        format: opts.format as ReportFormat,
        ...(typeof opts.out === 'string' ? { out: opts.out } : {}),
      }),
    );
  const user = program.command('user').description('manage accounts');
  withDatabaseFlags(user.command('create').description('create an account; the password comes from standard input'))
    .requiredOption('--username <name>', 'sign-in name')
    .addOption(new Option('--role <role>', 'the account’s role').choices(accountRoles).makeOptionMandatory())
    .requiredOption('--password-stdin', 'read the password from standard input (never from the command line)')
    .addOption(new Option('--display-name <text>', 'a name to show'))
    .addOption(new Option('--organization <uscc>', 'an organization an org_user acts for (repeatable)').argParser(collect).default([]))
    .addOption(new Option('--district <code>', 'a district an officer is limited to (repeatable; with --zone, its area; none = the whole city)').argParser(collect).default([]))
    .addOption(new Option('--zone <code>', 'a zone an officer is limited to, e.g. changsha_hitech_zone (repeatable)').argParser(collect).default([]))
    .action(async (opts: Record<string, unknown>) =>
      userCreateCommand(configFrom(opts), {
        username: String(opts.username),
        role: opts.role as AccountRole,
        password: await readStdin(),
        ...(typeof opts.displayName === 'string' ? { displayName: opts.displayName } : {}),
        organizations: opts.organization as string[],
        districts: opts.district as string[],
        zones: opts.zone as string[],
      }),
    );
  const token = program.command('token').description('manage API tokens');
  withDatabaseFlags(token.command('create').description('create an API token for a user and print it once'))
    .requiredOption('--username <name>', 'whose token it is')
    .addOption(new Option('--scope <permission>', `a permission the token carries (repeatable): ${permissionCodes.join(', ')}`).argParser(collect).makeOptionMandatory())
    .addOption(new Option('--expires-in <lifetime>', 'lifetime: a number and m, h or d').default('30d'))
    .addOption(new Option('--name <text>', 'what the token is for'))
    .action((opts: Record<string, unknown>) =>
      tokenCreateCommand(configFrom(opts), {
        username: String(opts.username),
        scopes: opts.scope as string[],
        expiresIn: String(opts.expiresIn),
        ...(typeof opts.name === 'string' ? { name: opts.name } : {}),
      }),
    );
  const audit = program.command('audit').description('the audit log');
  withDatabaseFlags(audit.command('verify').description('recompute the hash chain; exit status 1 if an entry was changed, inserted or removed'))
    .option('--json', 'print the result as JSON')
    .action((opts: Record<string, unknown>) => auditVerifyCommand(configFrom(opts), { json: opts.json === true }));
  withDatabaseFlags(audit.command('export').description('export the audit log as CSV, XLSX or JSON Lines, hashes included (to stdout, or --output)'))
    .addOption(new Option('--filter <filter>', 'the list filter, e.g. username:admin,at:>2026-01-01'))
    .addOption(new Option('--format <format>', 'file format').choices(exportFormats).default('csv'))
    .addOption(new Option('--lang <lang>', 'header language').choices(exportLanguages).default('zh'))
    .addOption(new Option('-o, --output <file>', 'write to this file instead of stdout'))
    .action((opts: Record<string, unknown>) =>
      auditExportCommand(configFrom(opts), {
        format: opts.format as ExportFormat,
        lang: opts.lang as ExportLanguage,
        ...(typeof opts.filter === 'string' ? { filter: opts.filter } : {}),
        ...(typeof opts.output === 'string' ? { output: opts.output } : {}),
      }),
    );
  withDatabaseFlags(program.command('backup').description('back up the embedded database to FILE, with a checksum (a running server takes it: STARCITY_TOKEN with database.backup)'))
    .argument('<file>', 'the backup file to write')
    .addOption(new Option('--token <token>', 'API token with the scope database.backup, when a server holds the data directory').env('STARCITY_TOKEN'))
    .addOption(new Option('--server <url>', 'that server’s URL, when the one in its lock file (http://localhost:PORT) does not reach it').env('STARCITY_SERVER_URL'))
    .action(async (file: string, opts: Record<string, unknown>) =>
      void (await backupCommand(configFrom(opts), file, { ...(typeof opts.token === 'string' ? { token: opts.token } : {}), ...(typeof opts.server === 'string' ? { server: opts.server } : {}) })),
    );
  withDatabaseFlags(program.command('restore').description('restore the embedded database from a backup FILE (checked first; never while a server runs)'))
    .argument('<file>', 'a file written by starcity backup')
    .option('--force', 'replace the database the data directory already holds')
    .action(async (file: string, opts: Record<string, unknown>) => void (await restoreCommand(configFrom(opts), file, { force: opts.force === true })));
  const openData = program.command('open-data').description('the open-data bulk downloads');
  withDatabaseFlags(openData.command('publish').description('build the download files of every published dataset (or those named) whose data changed since its last release'))
    .argument('[dataset...]', 'dataset ids (config/publication.json); none: every dataset')
    .option('--json', 'print the releases as JSON')
    .action((datasets: string[], opts: Record<string, unknown>) => openDataPublishCommand(configFrom(opts), datasets, { json: opts.json === true }));
  withDatabaseFlags(program.command('doctor').description('check configuration, database and build')).action((opts) => doctor(configFrom(opts)));
  return program;
}

/** The `starcity` command: runs the CLI on the process's streams and ends with its status. */
export async function main(argv: string[]): Promise<void> {
  const status = await runCli(argv, processIo());
  // A failed command may leave a database handle open: end the process rather than wait for it.
  if (status !== 0) process.exit(status);
}

/**
 * Runs one command line on the given streams and resolves with its exit status: 0, 1 for an error
 * (the message on stderr), 3 when another process holds the embedded database, or what commander
 * says for a bad command line (1) and for --help and --version (0).
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  return withCliIo(io, async () => {
    try {
      await buildCli().parseAsync(argv);
      return io.exitCode;
    } catch (err) {
      // Commander has already written its message.
      if (err instanceof CommanderError) return err.exitCode;
      tell(`starcity: ${err instanceof Error ? err.message : String(err)}`);
      return err instanceof DataDirBusyError ? 3 : 1;
    }
  });
}
