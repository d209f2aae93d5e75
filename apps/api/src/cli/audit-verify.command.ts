import { open } from 'node:fs/promises';
import { describeAuditExportVerification, verifyAuditExport } from '@coop/event-store/audit-export-verifier.js';

const usage = `Usage: npm run audit:verify -- <file>
Recomputes every stream's hash chain in an audit export (npm run audit:export, GET /audit/export) from the
file alone. Prints "N events in M streams verified", or the first failing line and why, and exits 1 then.`;

const [file, ...rest] = process.argv.slice(2);
if (file === '--help' || file === '-h') {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (file === undefined || rest.length > 0) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}

let handle;
try {
  handle = await open(file, 'r');
} catch (error) {
  process.stderr.write(`Cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(2);
}
try {
  const result = await verifyAuditExport(handle.readLines());
  const report = `${describeAuditExportVerification(result)}\n`;
  if (result.valid) process.stdout.write(report);
  else {
    process.stderr.write(report);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
