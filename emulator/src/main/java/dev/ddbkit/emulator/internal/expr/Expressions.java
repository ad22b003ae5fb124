package dev.ddbkit.emulator.internal.expr;

import dev.ddbkit.emulator.internal.expr.Ast.Action;
import dev.ddbkit.emulator.internal.expr.Ast.Cond;
import dev.ddbkit.emulator.internal.expr.Ast.RawPath;
import java.util.List;
import java.util.Optional;

/**
 * Parses DynamoDB's expression languages into executable objects. Every method throws
 * {@link dev.ddbkit.emulator.internal.error.DynamoException} (ValidationException) with DynamoDB's message for
 * syntax errors, reserved words used without a placeholder, undefined placeholders and invalid operands.
 * Each expression goes through the same steps: {@link Tokenizer}, {@link Parser} (to an {@link Ast} with
 * placeholders), {@link Resolver} (placeholders substituted, operands checked), then an executor
 * ({@link Evaluator}, {@link Updater}, {@link Projector}, {@link KeyConditions}).
 */
public final class Expressions {
  private Expressions() {}

  /** A ConditionExpression, e.g. {@code attribute_not_exists(pk) OR #v < :limit}. */
  public static Condition condition(String expression, ExpressionContext context) {
    return condition(expression, context, ExpressionKind.CONDITION);
  }

  /** A ConditionExpression or FilterExpression; {@code kind} names the parameter in error messages. */
  public static Condition condition(String expression, ExpressionContext context, ExpressionKind kind) {
    Cond parsed = Parser.parseCondition(expression, kind);
    Resolver resolver = new Resolver(context, kind);
    Cond resolved = resolver.condition(parsed);
    resolver.finish();
    return item -> Evaluator.test(resolved, item);
  }

  /**
   * A KeyConditionExpression ({@code pk = :p AND sk BETWEEN :a AND :b}); when both conditions are equalities the
   * first is taken as the partition key. Check it with {@link KeyCondition#validateAgainst}.
   */
  public static KeyCondition keyCondition(String expression, ExpressionContext context) {
    return KeyConditions.build(resolvedKeyCondition(expression, context), Optional.empty(), Optional.empty());
  }

  /**
   * A KeyConditionExpression checked against the key schema of the table or index queried, with the partition
   * key condition identified by name; throws "Query condition missed key schema element: pk" and similar.
   */
  public static KeyCondition keyCondition(
      String expression, ExpressionContext context, String hashKey, Optional<String> rangeKey) {
    return KeyConditions.build(resolvedKeyCondition(expression, context), Optional.of(hashKey), rangeKey);
  }

  private static Cond resolvedKeyCondition(String expression, ExpressionContext context) {
    Cond parsed = Parser.parseCondition(expression, ExpressionKind.KEY_CONDITION);
    Resolver resolver = new Resolver(context, ExpressionKind.KEY_CONDITION);
    Cond resolved = resolver.condition(parsed);
    resolver.finish();
    return resolved;
  }

  /** A ProjectionExpression, e.g. {@code pk, #d.street, tags[0]}; overlapping paths are rejected. */
  public static Projection projection(String expression, ExpressionContext context) {
    List<RawPath> parsed = Parser.parseProjection(expression);
    Resolver resolver = new Resolver(context, ExpressionKind.PROJECTION);
    List<Path> paths = parsed.stream().map(resolver::path).toList();
    PathChecks.checkDisjoint(paths, ExpressionKind.PROJECTION);
    return new Projector(paths);
  }

  /** An UpdateExpression, e.g. {@code SET #c = #c + :one REMOVE tmp ADD tags :t DELETE old :o}. */
  public static Update update(String expression, ExpressionContext context) {
    List<Action> parsed = Parser.parseUpdate(expression);
    Resolver resolver = new Resolver(context, ExpressionKind.UPDATE);
    List<Action> resolved = parsed.stream().map(resolver::action).toList();
    Updater updater = new Updater(resolved);
    PathChecks.checkDisjoint(updater.paths(), ExpressionKind.UPDATE);
    resolver.finish();
    return updater;
  }
}
