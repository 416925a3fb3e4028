package nl.weerthuis.query.monitor;

import nl.weerthuis.query.monitor.FigureDictionary.Definition;
import nl.weerthuis.query.monitor.MonitorFacts.All;
import nl.weerthuis.query.monitor.OutflowFigures.Selection;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The dictionary, the figures the monitor computes and the README name the same figures. */
class FigureDictionaryTest {

    static final Period P6M = Period.ofMonths(6);

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    /** One of every kind of fact, so that every figure (and every family) appears. */
    static All everyKindOfFact() {
        String r = "Veluwe";
        return new All(
                List.of(new MonitorFacts.Stay("PROTECTED_HOUSING", r, "Epe", "P", d("2024-01-01"), null),
                        new MonitorFacts.Stay("SHELTER", r, "Epe", "P", d("2024-01-01"), null)),
                List.of(new MonitorFacts.Trajectory(r, "Epe", "P", d("2025-02-01"), null, null, null),
                        new MonitorFacts.Trajectory(r, "Epe", "P", d("2025-02-01"), null, d("2025-06-01"), "NOT_READY")),
                List.of(new MonitorFacts.Tenancy("t1", r, "Epe", "Centrum", "C", "P", true, d("2023-01-01"), d("2023-02-01"), P6M,
                                d("2023-02-05"), null, d("2023-03-01"), d("2025-03-01"), d("2025-06-01"), "EVICTION"),
                        new MonitorFacts.Tenancy("t2", r, "Epe", "Centrum", "C", "P", true, d("2025-01-01"), d("2025-02-01"), P6M,
                                null, d("2025-02-10"), null, null, null, null),
                        new MonitorFacts.Tenancy("t3", r, "Epe", "Noord", "C", "P", false, null, d("2025-03-01"), P6M,
                                d("2025-03-02"), null, d("2025-04-01"), null, null, null)),
                List.of(new MonitorFacts.Return(r, "Epe", "C", "P", d("2023-03-01"), d("2025-06-01"))),
                List.of(new MonitorFacts.Signal("t1", "NUISANCE", d("2025-03-01"), null),
                        new MonitorFacts.Signal("t1", "RENT_ARREARS", d("2025-03-01"), d("2025-04-01"))),
                List.of(new MonitorFacts.Waakvlam("w", r, d("2025-01-01"), d("2026-06-01"), null)),
                List.of(new MonitorFacts.Missed("w", d("2025-02-01"))),
                List.of(new MonitorFacts.Quota(r, "C", 2025, 10)),
                List.of(new MonitorFacts.Target(r, 20, d("2026-12-31"))),
                Map.of(r, d("2025-01-01")));
    }

    static Set<String> computedFigures() {
        All facts = everyKindOfFact();
        return Publication.publish(ReferenceFigures.tallied(ReferenceFigures.compute(facts, new Selection("Veluwe", null, null, null,
                d("2025-01-01"), d("2025-12-31"))), false)).values().keySet();
    }

    @Test
    void every_figure_the_monitor_computes_is_defined_and_every_definition_is_computed() {
        Set<String> computed = computedFigures();
        assertThat(computed).allSatisfy(name -> assertThat(FigureDictionary.of(name)).as(name).isPresent());
        Set<String> defined = FigureDictionary.FIGURES.stream().map(Definition::figure).collect(Collectors.toSet());
        assertThat(defined).allSatisfy(figure -> assertThat(computed.stream()
                .anyMatch(name -> FigureDictionary.of(name).map(Definition::figure).orElse("").equals(figure)))
                .as(figure + " is computed").isTrue());
    }

    @Test
    void a_family_is_matched_by_its_members_only() {
        assertThat(FigureDictionary.of("openSignalsByKind.NUISANCE")).map(Definition::figure).contains("openSignalsByKind.{kind}");
        assertThat(FigureDictionary.of("outflowsByNeighbourhood.Epe/Centrum")).map(Definition::figure)
                .contains("outflowsByNeighbourhood.{municipality}/{neighbourhood}");
        assertThat(FigureDictionary.of("outflowsX")).isEmpty();
    }

    @Test
    void every_definition_says_what_is_counted_by_which_date_and_how() {
        assertThat(FigureDictionary.FIGURES).allSatisfy(d -> {
            assertThat(d.label()).isNotBlank();
            assertThat(d.counts()).isNotBlank();
            assertThat(d.businessDate()).isNotBlank();
            assertThat(d.computation()).isNotBlank();
            if (Set.of("median", "percentile", "share", "numerator", "denominator", "cases").contains(d.kind())) {
                assertThat(d.base()).as(d.figure() + " names its base").isNotBlank();
            }
        });
    }

    @Test
    void the_readme_documents_every_figure() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(FigureDictionary.FIGURES).allSatisfy(d ->
                assertThat(readme).as(d.figure() + " in the README").contains("`" + d.figure() + "`"));
    }
}
