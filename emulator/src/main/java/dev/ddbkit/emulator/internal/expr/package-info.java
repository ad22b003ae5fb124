/**
 * DynamoDB's expression languages: condition and filter, key condition, projection and update expressions.
 *
 * <p>Each expression goes through separate steps: {@link dev.ddbkit.emulator.internal.expr.Tokenizer} (text to
 * tokens), {@link dev.ddbkit.emulator.internal.expr.Parser} (tokens to an {@link
 * dev.ddbkit.emulator.internal.expr.Ast} that still holds {@code #name} and {@code :value} placeholders, with
 * syntax errors and reserved words from {@link dev.ddbkit.emulator.internal.expr.ReservedWords}), {@link
 * dev.ddbkit.emulator.internal.expr.Resolver} (placeholders substituted from the request's {@link
 * dev.ddbkit.emulator.internal.expr.ExpressionContext}, operands validated), then execution by {@link
 * dev.ddbkit.emulator.internal.expr.Evaluator}, {@link dev.ddbkit.emulator.internal.expr.Updater}, {@link
 * dev.ddbkit.emulator.internal.expr.Projector} or {@link dev.ddbkit.emulator.internal.expr.KeyConditions}.
 * Every error is a {@link dev.ddbkit.emulator.internal.error.DynamoException} ValidationException worded as
 * DynamoDB words it, reported in DynamoDB's order of precedence. The entry point is {@link
 * dev.ddbkit.emulator.internal.expr.Expressions}:
 *
 * <pre>{@code
 * ExpressionContext context = new ExpressionContext(names, values);
 * Condition filter = Expressions.condition("#s = :open AND size(tags) > :n", context, ExpressionKind.FILTER);
 * Update update = Expressions.update("SET visits = if_not_exists(visits, :zero) + :one", context);
 * context.checkAllUsed();
 * Map<String, Value> updated = update.apply(item);
 * }</pre>
 */
package dev.ddbkit.emulator.internal.expr;
