/**
 * Jobs: extractions of up to ten million rows, run in the background. The input is kept in the
 * job's folder and extracted in chunks; each chunk's rows are written to a file that is committed,
 * with the job's progress, to a {@link dev.terrace.engine.internal.jobs.JobStore} (in memory
 * in-process, the service's database behind HTTP), so that a process killed at any moment resumes
 * every unfinished job from its last committed chunk, with every row once.
 */
package dev.terrace.engine.internal.jobs;
