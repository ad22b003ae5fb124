package dev.ddbkit.metrics.sharding.internal;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.ThrottlingException;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.metrics.sharding.BulkWriteResult;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.metrics.sharding.MetricWriteException;
import dev.ddbkit.metrics.sharding.StoredPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes prepared points with BatchWriteItem: chunks of 25, at most {@code concurrency} requests in flight,
 * unprocessed items and retryable failures sent again with backoff through one {@link DdbkitRetry} session per
 * chunk. A point counts as written only when a response confirmed it (it was not among the unprocessed items).
 */
public final class BatchWriter {
  /** DynamoDB's limit of items per BatchWriteItem request. */
  public static final int MAX_BATCH = 25;

  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final DynamoDbAsyncClient client;
  private final String table;
  private final DdbkitRetry retry;
  private final ThreadPoolExecutor pool;
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

  /**
   * A writer to {@code table}. All {@link #write} calls share one pool of at most {@code concurrency} daemon
   * threads (idle threads end after 30 seconds), so concurrent callers never have more than
   * {@code concurrency} chunks in flight together; {@link #close()} ends them.
   */
  public BatchWriter(DynamoDbAsyncClient client, String table, DdbkitRetry retry, int concurrency) {
    this.client = client;
    this.table = table;
    this.retry = retry;
    this.pool = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "ddbkit-metrics-writer-" + THREADS.incrementAndGet());
          t.setDaemon(true);
          threads.removeIf(old -> !old.isAlive()); // idle threads end after 30 s: keep only the living
          threads.add(t);
          return t;
        });
    this.pool.allowCoreThreadTimeOut(true);
  }

  /** A point with its item; {@code stored} describes it once written. */
  public record Prepared(MetricPoint point, StoredPoint stored, Map<String, AttributeValue> item) {}

  /** Throws {@link IllegalStateException} once {@link #close()} was called. */
  public void checkOpen() {
    if (pool.isShutdown()) {
      throw new IllegalStateException("ShardedMetrics on " + table + " was closed; writes are no longer accepted.");
    }
  }

  /** Stops accepting writes and waits for the pool's threads to end. */
  public void close() {
    pool.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          for (Thread t : threads) {
            t.join(); // a worker signals termination just before it exits: wait until it has
          }
          break;
        }
        log.warn("Metric writer threads of {} still busy after a minute; waiting on", table);
      } catch (InterruptedException e) {
        interrupted = true;
        pool.shutdownNow();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes every prepared point or throws {@link MetricWriteException} listing those not written. */
  public BulkWriteResult write(List<Prepared> points) {
    checkOpen();
    List<List<Prepared>> chunks = new ArrayList<>();
    for (int i = 0; i < points.size(); i += MAX_BATCH) {
      chunks.add(points.subList(i, Math.min(points.size(), i + MAX_BATCH)));
    }
    if (chunks.isEmpty()) {
      return new BulkWriteResult(List.of(), 0, 0);
    }
    List<Future<ChunkOutcome>> futures = new ArrayList<>(chunks.size());
    List<ChunkTask> tasks = new ArrayList<>(chunks.size());
    for (List<Prepared> chunk : chunks) {
      ChunkTask task = new ChunkTask(chunk);
      tasks.add(task);
      futures.add(pool.submit(task));
    }
    boolean interrupted = false;
    List<ChunkOutcome> outcomes = new ArrayList<>(chunks.size());
    for (int i = 0; i < futures.size(); i++) {
      while (true) {
        try {
          outcomes.add(futures.get(i).get());
          break;
        } catch (InterruptedException e) {
          // Stop retrying but still learn which points each chunk wrote, so the report stays exact.
          interrupted = true;
          for (int j = 0; j < tasks.size(); j++) {
            tasks.get(j).stop();
            // Only a chunk still queued (never sent) is cancelled; a running one reports what it wrote.
            if (futures.get(j) instanceof Runnable queued && pool.remove(queued)) {
              futures.get(j).cancel(false);
            }
          }
        } catch (CancellationException e) {
          outcomes.add(new ChunkOutcome(chunks.get(i), e, 0, 0));
          break;
        } catch (ExecutionException e) {
          log.error("Metric batch writer failed unexpectedly", e.getCause());
          outcomes.add(new ChunkOutcome(chunks.get(i), e.getCause(), 0, 0));
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return summarize(points, outcomes);
  }

  private BulkWriteResult summarize(List<Prepared> points, List<ChunkOutcome> outcomes) {
    Map<String, Prepared> failed = new LinkedHashMap<>();
    Throwable lastError = null;
    int requests = 0;
    int retries = 0;
    for (ChunkOutcome o : outcomes) {
      requests += o.requests;
      retries += o.retries;
      for (Prepared p : o.notWritten) {
        failed.put(Items.keyString(p.item()), p);
      }
      if (o.error != null) {
        lastError = o.error;
      }
    }
    List<StoredPoint> written = new ArrayList<>(points.size());
    List<StoredPoint> notWritten = new ArrayList<>(failed.size());
    for (Prepared p : points) {
      if (failed.containsKey(Items.keyString(p.item()))) {
        notWritten.add(p.stored());
      } else {
        written.add(p.stored());
      }
    }
    if (!notWritten.isEmpty()) {
      throw MetricWriteException.of(table, notWritten, written, lastError);
    }
    return new BulkWriteResult(written, requests, retries);
  }

  private ChunkOutcome writeChunk(List<Prepared> chunk) {
    Map<String, Prepared> pending = new LinkedHashMap<>();
    for (Prepared p : chunk) {
      pending.put(Items.keyString(p.item()), p);
    }
    DdbkitRetry.Session session = retry.session("BatchWriteItem", table);
    int requests = 0;
    while (true) {
      Throwable reason;
      try {
        requests++;
        BatchWriteItemResponse response = client.batchWriteItem(request(pending.values())).join();
        List<WriteRequest> unprocessed = response.hasUnprocessedItems()
            ? response.unprocessedItems().getOrDefault(table, List.of())
            : List.of();
        Map<String, Prepared> still = new LinkedHashMap<>();
        for (WriteRequest w : unprocessed) {
          if (w.putRequest() != null) {
            String key = Items.keyString(w.putRequest().item());
            Prepared p = pending.get(key);
            if (p != null) {
              still.put(key, p);
            }
          }
        }
        if (still.isEmpty()) {
          session.succeeded();
          return new ChunkOutcome(List.of(), null, requests, session.retries());
        }
        reason = ThrottlingException.of("BatchWriteItem on table " + table + " left " + still.size() + " of "
            + pending.size() + " items unprocessed.", ErrorContext.of("BatchWriteItem", table));
        pending = still;
      } catch (RuntimeException e) {
        reason = DdbkitErrors.translate(e, "BatchWriteItem", table);
      }
      log.debug("Retrying {} metric points: {}", pending.size(), reason.getMessage());
      if (!session.awaitRetry(reason)) {
        log.warn("Giving up on {} metric points after {} requests: {}", pending.size(), requests,
            reason.getMessage());
        return new ChunkOutcome(List.copyOf(pending.values()), reason, requests, session.retries());
      }
    }
  }

  private BatchWriteItemRequest request(Iterable<Prepared> points) {
    List<WriteRequest> writes = new ArrayList<>(MAX_BATCH);
    for (Prepared p : points) {
      writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(p.item()).build()).build());
    }
    return BatchWriteItemRequest.builder().requestItems(Map.of(table, writes)).build();
  }

  /**
   * One chunk's work on the shared pool. {@link #stop()} interrupts the pool thread only while it runs this
   * chunk (so other callers' chunks are never interrupted); the chunk then reports exactly what it wrote.
   */
  private final class ChunkTask implements Callable<ChunkOutcome> {
    private final List<Prepared> chunk;
    private @Nullable Thread runner;
    private boolean stopped;

    ChunkTask(List<Prepared> chunk) {
      this.chunk = chunk;
    }

    @Override
    public ChunkOutcome call() {
      synchronized (this) {
        if (stopped) {
          return new ChunkOutcome(chunk, new CancellationException("Bulk write interrupted."), 0, 0);
        }
        runner = Thread.currentThread();
      }
      try {
        return writeChunk(chunk);
      } finally {
        synchronized (this) {
          runner = null;
          // The pool thread goes on to other callers' chunks: do not leave this caller's interrupt behind.
          Thread.interrupted();
        }
      }
    }

    synchronized void stop() {
      stopped = true;
      if (runner != null) {
        runner.interrupt();
      }
    }
  }

  private record ChunkOutcome(List<Prepared> notWritten, @Nullable Throwable error, int requests, int retries) {}
}
