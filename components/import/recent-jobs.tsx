import type { ImportJobDTO } from "@/lib/server/import/import-job-dto";
import { JobCard } from "@/components/import/job-card";

/** Bulk imports started here before (by any admin): running ones keep updating. */
export function RecentJobs({ jobs }: { jobs: ImportJobDTO[] }) {
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="recent-imports-heading" className="mt-14">
      <h2 id="recent-imports-heading" className="font-serif text-xl font-semibold">
        Recent bulk imports
      </h2>
      <p className="mt-1 text-sm text-[var(--muted)]">They run on the server: you can leave this page and come back.</p>
      <div className="mt-4 space-y-4">
        {jobs.map((job) => (
          <JobCard key={job.id} job={job} showStart />
        ))}
      </div>
    </section>
  );
}
