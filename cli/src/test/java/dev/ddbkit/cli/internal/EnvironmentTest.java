package dev.ddbkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.table.SeedTables;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  private static final Map<String, String> NO_ENV = Map.of();

  private static Environment of(String prefix, String suffix) {
    return Environment.of(Optional.ofNullable(prefix), Optional.ofNullable(suffix), NO_ENV::get);
  }

  @Test
  void defaults_giveTheSeedsOwnNames() {
    Environment seed = of(null, null);
    assertThat(seed).isEqualTo(Environment.seed());
    assertThat(seed.tables()).extracting(t -> t.name()).containsExactly(SeedTables.ORDERS, SeedTables.SESSIONS,
        SeedTables.METRICS, SeedTables.INVENTORY, SeedTables.ACCOUNTS, "ddbkit-idempotency");
    assertThat(seed.definition("orders", SeedTables.ORDERS)).usingRecursiveComparison().isEqualTo(SeedTables.orders());
    assertThat(seed.options()).isEmpty();
  }

  @Test
  void suffixAndPrefix_nameEveryTable_andTheEnvironmentTag() {
    Environment staging = of("acme-", "-staging");
    assertThat(staging.table("orders")).isEqualTo("acme-orders-staging");
    assertThat(staging.table("idempotency")).isEqualTo("acme-ddbkit-idempotency-staging");
    assertThat(staging.definitions().get("orders").tags()).containsEntry("Environment", "staging");
    assertThat(staging.definitions().get("orders").partitionKey()).isEqualTo(SeedTables.orders().partitionKey());
    assertThat(staging.options()).isEqualTo("--env-prefix=acme- --env-suffix=-staging");
  }

  @Test
  void environmentVariables_applyWhenTheOptionsAreAbsent_andOptionsWin() {
    Map<String, String> env = Map.of(Environment.SUFFIX_ENV, "-qa", Environment.PREFIX_ENV, "x-");
    assertThat(Environment.of(Optional.empty(), Optional.empty(), env::get).table("metrics")).isEqualTo("x-metrics-qa");
    assertThat(Environment.of(Optional.of(""), Optional.of("-dev"), env::get).table("metrics")).isEqualTo("metrics-dev");
  }

  @Test
  void badValues_areUsageErrorsNamingTheOptionOrVariable() {
    assertThatThrownBy(() -> of(null, "-st/aging")).isInstanceOf(CliFailure.class)
        .hasMessageStartingWith("--env-suffix may contain only");
    Map<String, String> env = Map.of(Environment.PREFIX_ENV, "a b");
    assertThatThrownBy(() -> Environment.of(Optional.empty(), Optional.empty(), env::get))
        .hasMessageStartingWith("DDBKIT_TABLE_PREFIX (read because --env-prefix is not given) may contain only");
  }

  @Test
  void guess_findsTheKindAndEnvironmentOfATableName() {
    var staging = Environment.guess("orders-staging").orElseThrow();
    assertThat(staging.getKey()).isEqualTo("orders");
    assertThat(staging.getValue().options()).isEqualTo("--env-suffix=-staging");
    assertThat(Environment.guess("orders-production").orElseThrow().getValue()).isEqualTo(Environment.seed());
    assertThat(Environment.guess("ddbkit-idempotency").orElseThrow().getValue()).isEqualTo(Environment.seed());
    assertThat(Environment.guess("acme-sessions-dev").orElseThrow().getValue().options())
        .isEqualTo("--env-prefix=acme- --env-suffix=-dev");
    assertThat(Environment.guess("nosuchtable")).isEmpty();
    assertThat(Environment.guess("no-such-table")).isEmpty();
    assertThat(Environment.guess("ordersx")).isEmpty();
  }

  @Test
  void missingTableHint_namesTheProvisionCommandOnlyWhenItCanCreateTheTable() {
    assertThat(CliFailure.createHint("orders-staging")).contains("`ddbkit provision --env-suffix=-staging`");
    assertThat(CliFailure.createHint("orders-production")).contains("`ddbkit provision`");
    assertThat(CliFailure.createHint("nosuchtable")).startsWith("Check the table name");
  }
}
