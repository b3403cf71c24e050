/** job_leases: which server holds a job's current period, and until when (background-job.ts claims and hands back). */
export interface JobLeasesTable {
  /** The job's name, as given to startBackgroundJob. */
  name: string;
  /** Host, process id and a random part of the job instance that claimed it (for a person reading the table). */
  holder: string;
  claimed_at: string;
  lease_until: string;
}
