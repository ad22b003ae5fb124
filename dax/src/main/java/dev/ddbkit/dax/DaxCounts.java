package dev.ddbkit.dax;

/**
 * Routing counters of a {@link DaxAwareClient} since it was built. Every count only grows.
 *
 * @param daxAttempts calls sent to DAX, health probes included
 * @param daxAnswers DAX calls that DAX answered, including answers that were the request's own error
 * @param daxFailures DAX calls that failed for DAX's reasons (connection, timeout, server error)
 * @param readFallbacks reads retried on DynamoDB after DAX failed
 * @param writeFallbacks writes re-sent to DynamoDB because they certainly did not reach DAX
 * @param writesNotResent writes whose DAX failure was thrown because DAX may have applied them
 * @param circuitOpenRequests requests sent to DynamoDB without trying DAX because the breaker was open
 * @param directRequests strongly consistent or transactional reads and other operations sent to DynamoDB
 * @param probes health probes sent to DAX
 * @param probeFailures health probes that failed or timed out
 */
public record DaxCounts(
    long daxAttempts,
    long daxAnswers,
    long daxFailures,
    long readFallbacks,
    long writeFallbacks,
    long writesNotResent,
    long circuitOpenRequests,
    long directRequests,
    long probes,
    long probeFailures) {}
