package dev.ddbkit.core.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.table.KeyAttribute;
import dev.ddbkit.core.table.TableDefinition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableNamingTest {

  @Test
  void apply_addsPrefixAndSuffix_toNamesAndDefinitions() {
    TableNaming naming = TableNaming.of("staging-", "-eu");
    TableDefinition d = TableDefinition.builder("customers").partitionKey(KeyAttribute.string("id")).build();

    assertThat(naming.apply("customers")).isEqualTo("staging-customers-eu");
    assertThat(naming.apply(d).name()).isEqualTo("staging-customers-eu");
    assertThat(TableNaming.none().apply("customers")).isEqualTo("customers");
  }

  @Test
  void fromEnvironment_readsBothVariables() {
    TableNaming naming = TableNaming.fromEnvironment(Map.of(TableNaming.PREFIX_VARIABLE, "dev-"));

    assertThat(naming.prefix()).isEqualTo("dev-");
    assertThat(naming.suffix()).isEmpty();
    assertThat(TableNaming.fromEnvironment(Map.of())).isSameAs(TableNaming.none());
  }

  @Test
  void invalidCharacters_orATooLongResult_areRejectedWithTheSettingsName() {
    assertThatThrownBy(() -> TableNaming.of("st ag", "")).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).argument()).isEqualTo("prefix"));
    assertThatThrownBy(() -> TableNaming.of("", "#")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> TableNaming.of("p".repeat(250), "").apply("customers"))
        .isInstanceOf(InvalidInputException.class);
  }
}
