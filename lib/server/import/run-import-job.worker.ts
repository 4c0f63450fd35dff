/*
 * Test helper (run-import-job.test.ts): runs one bulk import job in a process of its own, so
 * the test can kill that process with SIGKILL in the middle of the job, as a crash would.
 * Usage: DATABASE_URL=… node --import tsx --conditions=react-server lib/server/import/run-import-job.worker.ts JOB_ID
 */
import { runImportJob } from "./run-import-job";

const jobId = process.argv[2];
if (!jobId) throw new Error("Name the job to run.");
await runImportJob(jobId, { concurrency: 2 });
process.exit(0);
