package nl.weerthuis.query;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data flows one way: the query side learns everything from events and never reads what the command side keeps for
 * itself. Every table the command side creates (its own schema, and the event store's tables other than the events
 * and the data keys) is looked for in every string literal and SQL file of the query side's sources.
 */
class CommandSideTablesTest {

    /** What the query side may read of the event store: the events, and the data keys to open them. */
    private static final Set<String> SHARED = Set.of("domain_event_entry", "personal_data_key");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"");

    @Test
    void the_query_side_names_no_table_of_the_command_side() throws IOException {
        Set<String> commandSideTables = new TreeSet<>();
        for (Path migrations : List.of(Path.of("../command-side/src/main/resources/db/command"),
                Path.of("../shared-kernel/src/main/resources/db/eventstore"))) {
            for (Path migration : files(migrations, ".sql")) {
                Matcher created = CREATE_TABLE.matcher(Files.readString(migration));
                while (created.find()) {
                    commandSideTables.add(created.group(1).toLowerCase());
                }
            }
        }
        commandSideTables.removeAll(SHARED);
        assertThat(commandSideTables).as("the command side's tables were found").contains("idempotent_request",
                "lookup_involvement", "token_entry", "saga_entry");

        List<String> offences = new ArrayList<>();
        for (Path source : files(Path.of("src/main/java"), ".java")) {
            for (String literal : literals(Files.readString(source))) {
                named(literal, commandSideTables).forEach(table -> offences.add(source + " names " + table));
            }
        }
        for (Path sql : files(Path.of("src/main/resources"), ".sql")) {
            named(Files.readString(sql), commandSideTables).forEach(table -> offences.add(sql + " names " + table));
        }
        assertThat(offences).isEmpty();
    }

    private static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        while (blocks.find()) {
            literals.add(blocks.group(1));
        }
        Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(" "));
        while (strings.find()) {
            literals.add(strings.group(1));
        }
        return literals;
    }

    private static List<String> named(String text, Set<String> tables) {
        String lower = text.toLowerCase();
        return tables.stream().filter(table -> Pattern.compile("\\b" + table + "\\b").matcher(lower).find()).toList();
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        assertThat(root).as("run from the module directory").isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(suffix)).toList();
        }
    }
}
