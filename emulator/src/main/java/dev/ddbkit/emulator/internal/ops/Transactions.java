package dev.ddbkit.emulator.internal.ops;

import dev.ddbkit.emulator.internal.error.DynamoException;
import dev.ddbkit.emulator.internal.json.Json;
import dev.ddbkit.emulator.internal.store.Table;
import dev.ddbkit.emulator.internal.store.TableLocks;
import dev.ddbkit.emulator.internal.value.Value;
import dev.ddbkit.emulator.internal.wire.Attributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TransactGetItems and TransactWriteItems. A transaction locks the stripes of all its items in one global
 * order, checks every condition, then applies every write, so transactions are serialisable with each other
 * and with single-item writes. ClientRequestToken makes a TransactWriteItems idempotent for 10 minutes.
 */
final class Transactions {
  private static final int MAX_ACTIONS = 100;
  private static final Duration TOKEN_TTL = Duration.ofMinutes(10);

  private final Engine engine;
  private final DataPlane data;
  private final ConcurrentHashMap<String, Token> tokens = new ConcurrentHashMap<>();

  private static final class Token {
    String fingerprint;
    Instant expires = Instant.MIN;
    Map<String, Object> response;
  }

  Transactions(Engine engine, DataPlane data) {
    this.engine = engine;
    this.data = data;
  }

  private record Key(Table table, Map<String, Value> key) {}

  // ---- TransactGetItems ----------------------------------------------------------------------------

  Map<String, Object> transactGet(String region, Request r) {
    List<Object> actions = r.list("TransactItems");
    checkCount(actions.size());
    Capacity.Mode mode = Capacity.mode(r);
    record Get(Table table, Map<String, Value> key, DataPlane.Parsed parsed) {}
    List<Get> gets = new ArrayList<>();
    Set<Key> seen = new HashSet<>();
    TableLocks locks = new TableLocks();
    for (Object o : actions) {
      Request get = Request.of(o).object("Get").orElseThrow(() -> DataPlane.missing("transactItems.member.get"));
      Table table = engine.table(region, get.required("TableName"));
      Map<String, Value> key = Items.key(table, get.item("Key").orElseThrow(() -> DataPlane.missing("key")));
      if (!seen.add(new Key(table, key))) {
        throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
      }
      gets.add(new Get(table, key, DataPlane.parse(get)));
      locks.add(table, key.get(table.schema().hash()));
    }
    Map<String, Capacity> capacity = new LinkedHashMap<>();
    List<Object> responses = locks.run(() -> {
      List<Object> list = new ArrayList<>();
      for (Get g : gets) {
        Optional<Map<String, Value>> item = g.table().get(g.key());
        capacity.computeIfAbsent(g.table().name(), Capacity::new)
            .read(2 * Capacity.readUnits(item.map(Attributes::size).orElse(0L), true));
        list.add(item.map(i -> (Object) Map.of("Item", Attributes.toJson(
            g.parsed().projection.map(p -> p.apply(i)).orElse(i)))).orElse(Map.of()));
      }
      return list;
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Responses", responses);
    Capacity.putList(out, mode, capacity);
    return out;
  }

  private static void checkCount(int n) {
    if (n == 0 || n > MAX_ACTIONS) {
      throw DynamoException.validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: "
          + "Member must have length less than or equal to " + MAX_ACTIONS + ", Member must have length greater than or equal to 1");
    }
  }

  // ---- TransactWriteItems --------------------------------------------------------------------------

  private enum Kind { CONDITION_CHECK, PUT, DELETE, UPDATE }

  private record Action(Kind kind, Table table, Map<String, Value> key, Optional<Map<String, Value>> item,
      DataPlane.Parsed parsed, boolean returnOld) {}

  Map<String, Object> transactWrite(String region, Request r) {
    List<Object> raw = r.list("TransactItems");
    checkCount(raw.size());
    Capacity.Mode mode = Capacity.mode(r);
    List<Action> actions = new ArrayList<>();
    Set<Key> seen = new HashSet<>();
    for (Object o : raw) {
      Action a = action(region, Request.of(o));
      if (!seen.add(new Key(a.table(), a.key()))) {
        throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
      }
      actions.add(a);
    }
    Optional<String> token = r.string("ClientRequestToken");
    if (token.isEmpty()) {
      return execute(actions, mode);
    }
    String fingerprint = Json.write(raw);
    Token t = tokens.computeIfAbsent(region + "\n" + token.get(), k -> new Token());
    synchronized (t) {
      Instant now = engine.clock.instant();
      if (t.response != null && now.isBefore(t.expires)) {
        if (!t.fingerprint.equals(fingerprint)) {
          throw new DynamoException("IdempotentParameterMismatchException", 400,
              "The request uses the same client token as a previous, but non-identical request");
        }
        return t.response;
      }
      Map<String, Object> response = execute(actions, mode);
      t.fingerprint = fingerprint;
      t.expires = now.plus(TOKEN_TTL);
      t.response = response;
      if (tokens.size() > 10_000) {
        tokens.entrySet().removeIf(e -> e.getValue() != t && e.getValue().response != null
            && !now.isBefore(e.getValue().expires));
      }
      return response;
    }
  }

  private Action action(String region, Request o) {
    int kinds = 0;
    for (String k : List.of("ConditionCheck", "Put", "Delete", "Update")) {
      kinds += o.has(k) ? 1 : 0;
    }
    if (kinds != 1) {
      throw DynamoException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
    }
    if (o.has("Put")) {
      Request p = o.requiredObject("Put");
      Table table = engine.table(region, p.required("TableName"));
      Map<String, Value> item = p.item("Item").orElseThrow(() -> DataPlane.missing("item"));
      Items.item(table, item);
      return new Action(Kind.PUT, table, table.schema().keyOf(item), Optional.of(item), DataPlane.parse(p),
          DataPlane.returnOldOnFailure(p));
    }
    Kind kind = o.has("ConditionCheck") ? Kind.CONDITION_CHECK : o.has("Delete") ? Kind.DELETE : Kind.UPDATE;
    Request p = o.requiredObject(switch (kind) {
      case CONDITION_CHECK -> "ConditionCheck";
      case DELETE -> "Delete";
      default -> "Update";
    });
    Table table = engine.table(region, p.required("TableName"));
    Map<String, Value> key = Items.key(table, p.item("Key").orElseThrow(() -> DataPlane.missing("key")));
    DataPlane.Parsed parsed = DataPlane.parse(p);
    if (kind == Kind.CONDITION_CHECK && parsed.condition.isEmpty()) {
      throw DataPlane.missing("conditionExpression");
    }
    if (kind == Kind.UPDATE) {
      if (parsed.update.isEmpty()) {
        throw DataPlane.missing("updateExpression");
      }
      DataPlane.checkKeyNotUpdated(table, parsed.update);
    }
    return new Action(kind, table, key, Optional.empty(), parsed, DataPlane.returnOldOnFailure(p));
  }

  private Map<String, Object> execute(List<Action> actions, Capacity.Mode mode) {
    TableLocks locks = new TableLocks();
    for (Action a : actions) {
      engine.throughput.admit(a.table(), Optional.of(a.key().get(a.table().schema().hash())), true);
    }
    for (Action a : actions) {
      locks.add(a.table(), a.key().get(a.table().schema().hash()));
    }
    Map<String, Capacity> capacity = new LinkedHashMap<>();
    locks.run(() -> {
      List<Optional<Map<String, Value>>> olds = new ArrayList<>();
      List<Optional<Map<String, Value>>> nexts = new ArrayList<>();
      List<Map<String, Object>> reasons = new ArrayList<>();
      boolean failed = false;
      for (Action a : actions) {
        Optional<Map<String, Value>> old = a.table().get(a.key());
        olds.add(old);
        Map<String, Object> reason = new LinkedHashMap<>();
        Optional<Map<String, Value>> next = old;
        if (a.parsed().condition.isPresent() && !a.parsed().condition.get().test(old.orElse(Map.of()))) {
          failed = true;
          reason.put("Code", "ConditionalCheckFailed");
          reason.put("Message", "The conditional request failed");
          if (a.returnOld() && old.isPresent()) {
            reason.put("Item", Attributes.toJson(old.get()));
          }
        } else {
          try {
            next = switch (a.kind()) {
              case PUT -> a.item();
              case DELETE -> Optional.empty();
              case UPDATE -> Optional.of(DataPlane.updated(a.table(), a.key(), old, a.parsed().update));
              case CONDITION_CHECK -> old;
            };
            reason.put("Code", "None");
          } catch (DynamoException e) {
            if (!e.type().equals("ValidationException")) {
              throw e;
            }
            failed = true;
            reason.put("Code", "ValidationError");
            reason.put("Message", e.getMessage());
          }
        }
        nexts.add(next);
        reasons.add(reason);
      }
      if (failed) {
        List<String> codes = new ArrayList<>();
        for (Map<String, Object> reason : reasons) {
          codes.add((String) reason.get("Code"));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("CancellationReasons", reasons);
        throw new DetailedException("TransactionCanceledException", 400,
            "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes, extra);
      }
      for (int i = 0; i < actions.size(); i++) {
        Action a = actions.get(i);
        DataPlane.Outcome outcome = new DataPlane.Outcome(olds.get(i), nexts.get(i));
        engine.throughput.charge(a.table(), Optional.of(a.key().get(a.table().schema().hash())), true,
            2 * Capacity.writeUnits(Math.max(olds.get(i).map(Attributes::size).orElse(0L),
                nexts.get(i).map(Attributes::size).orElse(0L))));
        if (a.kind() != Kind.CONDITION_CHECK) {
          a.table().storeLocked(a.key(), olds.get(i), nexts.get(i));
          capacity.computeIfAbsent(a.table().name(), Capacity::new)
              .add(DataPlane.writeCapacity(a.table(), outcome).times(2));
        } else {
          capacity.computeIfAbsent(a.table().name(), Capacity::new)
              .write(2 * Capacity.writeUnits(olds.get(i).map(Attributes::size).orElse(0L)));
        }
      }
      return null;
    });
    Map<String, Object> out = new LinkedHashMap<>();
    Capacity.putList(out, mode, capacity);
    return out;
  }
}
