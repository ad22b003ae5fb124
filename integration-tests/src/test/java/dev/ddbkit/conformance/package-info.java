/**
 * A DynamoDB conformance suite: tests written against the plain AWS SDK v2 {@code DynamoDbClient} only, that
 * assert DynamoDB's documented behaviour and run on whatever backend the test kit provides (embedded, a
 * container, or {@code DDBKIT_ENDPOINT}: DynamoDB itself or ddbkit's emulator). A test that DynamoDB Local
 * gets wrong is skipped only there ({@code Conformance.isDynamoDbLocal()}), with the reason.
 *
 * <p>Coverage:
 * <ul>
 *   <li>{@code ControlPlaneIT}: CreateTable with GSIs (ALL, KEYS_ONLY, INCLUDE) and an LSI, on-demand and
 *       provisioned; DescribeTable shape (status, ARN and region, key schema, attribute definitions, index
 *       descriptions and ARNs, ItemCount); invalid definitions; ResourceInUseException for a duplicate name,
 *       ResourceNotFoundException for a missing table; ListTables paging and limit; DeleteTable;
 *       UpdateTable throughput and billing mode; UpdateTimeToLive / DescribeTimeToLive; TagResource /
 *       UntagResource / ListTagsOfResource; DescribeContinuousBackups / UpdateContinuousBackups.</li>
 *   <li>{@code ItemsIT}: PutItem, GetItem, UpdateItem, DeleteItem with conditions; every ReturnValues mode and
 *       the modes each call rejects; ReturnValuesOnConditionCheckFailure; number normalisation, 38 digits,
 *       range limits; every attribute type round-trips; empty and duplicate set members; key type, missing
 *       and empty keys; key length limits (2048 / 1024 bytes, counted in UTF-8); the 400 KB item limit.</li>
 *   <li>{@code ExpressionsIT}: comparators, BETWEEN, IN, AND/OR/NOT precedence and parentheses;
 *       attribute_exists, attribute_not_exists, attribute_type, begins_with, contains, size; document paths;
 *       SET with + and -, if_not_exists, list_append, list index past the end; REMOVE (attributes, list
 *       elements); ADD (numbers, sets); DELETE (sets); reserved words, undefined and unused placeholders,
 *       overlapping paths and syntax errors rejected as ValidationException.</li>
 *   <li>{@code QueryIT}: every key condition operator and the unsupported ones; sort order of S (UTF-8 bytes),
 *       N (by value) and B (unsigned bytes); ScanIndexForward; Limit before the filter (Count, ScannedCount);
 *       ExclusiveStartKey / LastEvaluatedKey paging; Select COUNT; ProjectionExpression; sparse GSI, KEYS_ONLY
 *       projection, GSI page keys, no consistent reads on a GSI; LSI; the 1 MB page.</li>
 *   <li>{@code ScanIT}: filters, Count and ScannedCount, paging, Segment / TotalSegments covering every item
 *       exactly once, invalid segments.</li>
 *   <li>{@code BatchIT}: BatchWriteItem and BatchGetItem across tables read back, missing items absent,
 *       25 / 100 limits, duplicate keys, an invalid item writes nothing, empty requests, missing tables.</li>
 *   <li>{@code TransactionsIT}: TransactWriteItems all-or-nothing across two tables, CancellationReasons in
 *       request order with items on request, two actions on one item, more than 100 actions,
 *       ClientRequestToken replay and IdempotentParameterMismatchException; TransactGetItems.</li>
 *   <li>{@code ConcurrencyIT}: 16 threads of optimistic (version-checked) increments; 16 threads of
 *       transfers in transactions conserve the total.</li>
 *   <li>{@code CapacityIT}: ReturnConsumedCapacity TOTAL / INDEXES on PutItem, DeleteItem, GetItem and Query
 *       of known sizes.</li>
 * </ul>
 *
 * <p>The system property {@code ddbkit.conformance.dynamodb-local=true} marks an external endpoint as DynamoDB
 * Local.
 */
package dev.ddbkit.conformance;
