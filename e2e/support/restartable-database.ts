/**
 * A database the e2e suite can stop and start again while app instances use it
 * (e2e/live-restart.spec.ts). Run with `tsx --conditions=react-server`, given a data folder:
 * prepares an embedded PostgreSQL there (migrated and seeded; kept on stop, so a start brings
 * the same data back on the same port), prints `{"url": …}` as one line, then obeys `stop`,
 * `start` and `exit` lines on stdin, answering each with `stopped`, `started` or `exited`.
 */
import readline from "node:readline";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../scripts/db/embedded";
import { prepareDatabase } from "../../scripts/runtime";

async function main() {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error("Usage: restartable-database.ts <data folder>");
  delete process.env.DATABASE_URL;
  const prepared = await prepareDatabase({ dataDir, log: () => {} });
  let database: EmbeddedDatabase | null = prepared.embedded;
  console.log(JSON.stringify({ url: prepared.url }));

  for await (const line of readline.createInterface({ input: process.stdin })) {
    const command = line.trim();
    if (command === "stop") {
      await database?.stop();
      database = null;
      console.log("stopped");
    } else if (command === "start") {
      database ??= await startEmbeddedDatabase({ dataDir });
      console.log("started");
    } else if (command === "exit") {
      break;
    }
  }
  await database?.stop();
  console.log("exited");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
