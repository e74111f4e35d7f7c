package dev.terrace.engine.internal.jobs;

import dev.terrace.api.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Jobs kept in memory: the in-process engine's, which live as long as it does. */
public final class MemoryJobStore implements JobStore {

  private final Map<String, JobRecord> jobs = new LinkedHashMap<>();
  private final Set<String> told = new HashSet<>();

  @Override
  public synchronized JobRecord insert(JobRecord job) {
    if (job.idempotencyKey() != null) {
      Optional<JobRecord> earlier = findByKey(job.owner(), job.idempotencyKey());
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    jobs.put(job.id(), job);
    return job;
  }

  @Override
  public synchronized Optional<JobRecord> find(String owner, String id) {
    return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner().equals(owner));
  }

  @Override
  public synchronized Optional<JobRecord> findByKey(String owner, String idempotencyKey) {
    return jobs.values().stream()
        .filter(j -> j.owner().equals(owner) && idempotencyKey.equals(j.idempotencyKey()))
        .findFirst();
  }

  @Override
  public synchronized List<JobRecord> list(String owner, JobStatus status, int limit, int offset) {
    return matching(owner, status).stream().skip(offset).limit(limit).toList();
  }

  @Override
  public synchronized int count(String owner, JobStatus status) {
    return matching(owner, status).size();
  }

  private List<JobRecord> matching(String owner, JobStatus status) {
    List<JobRecord> out = new ArrayList<>();
    for (JobRecord j : jobs.values()) {
      if (j.owner().equals(owner) && (status == null || j.status() == status)) {
        out.add(j);
      }
    }
    out.sort(Comparator.comparing(JobRecord::id).reversed());
    return out;
  }

  @Override
  public synchronized void told(String id) {
    told.add(id);
  }

  @Override
  public synchronized List<JobRecord> untold() {
    return jobs.values().stream()
        .filter(j -> j.status().isFinal() && !told.contains(j.id()))
        .toList();
  }

  @Override
  public synchronized List<JobRecord> unfinished() {
    return jobs.values().stream().filter(j -> !j.status().isFinal()).toList();
  }

  @Override
  public synchronized void start(String id, Instant at) {
    update(
        id,
        j ->
            j.status().isFinal()
                ? j
                : j.withStatus(
                    JobStatus.RUNNING, j.startedAt() == null ? at : j.startedAt(), null, null));
  }

  @Override
  public synchronized void total(String id, long total) {
    update(id, j -> j.status() != JobStatus.RUNNING ? j : j.withTotal(total));
  }

  @Override
  public synchronized void commit(String id, int chunks, long processed, long failedRows) {
    update(
        id,
        j -> j.status() != JobStatus.RUNNING ? j : j.withProgress(chunks, processed, failedRows));
  }

  @Override
  public synchronized boolean end(String id, JobStatus status, String error, Instant at) {
    JobRecord j = jobs.get(id);
    if (j == null || j.status().isFinal()) {
      return false;
    }
    jobs.put(id, j.withStatus(status, j.startedAt(), at, error));
    return true;
  }

  private void update(String id, UnaryOperator<JobRecord> change) {
    jobs.computeIfPresent(id, (k, j) -> change.apply(j));
  }
}
