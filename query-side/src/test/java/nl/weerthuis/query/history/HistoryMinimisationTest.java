package nl.weerthuis.query.history;

import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.query.history.DecisionHistory.Entry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryMinimisationTest {

    static final String CORPORATION_A = "21000001", CORPORATION_B = "21000002", MUNICIPALITY = "00000001001234567000";

    private static Entry written(long index, String organisation, OrganisationType type, String grounds) {
        return new Entry(index, "Tenancy", "tenancy-" + index, 0, "TenancyEndedEvent", "2026-03-02", Instant.EPOCH,
                Map.of("organisation", organisation, "organisationType", type.name()), "The tenancy ended.", grounds,
                Map.of(), null);
    }

    private static final List<Entry> HISTORY = List.of(
            written(1, CORPORATION_A, OrganisationType.HOUSING_CORPORATION, "A's own grounds"),
            written(2, CORPORATION_B, OrganisationType.HOUSING_CORPORATION, "B's grounds: nuisance reports"),
            written(3, MUNICIPALITY, OrganisationType.MUNICIPALITY, "the municipality's grounds"));

    private static List<String> groundsAsReadBy(OrganisationType type, String organisation) {
        return HistoryMinimisation.entries(HISTORY, new HistoryMinimisation.View(type, organisation), false).stream()
                .map(Entry::grounds).toList();
    }

    @Test
    void a_corporation_reads_its_own_organisations_grounds_and_not_another_corporations() {
        assertThat(groundsAsReadBy(OrganisationType.HOUSING_CORPORATION, CORPORATION_A))
                .containsExactly("A's own grounds", null, null);
        assertThat(groundsAsReadBy(OrganisationType.HOUSING_CORPORATION, CORPORATION_B))
                .containsExactly(null, "B's grounds: nuisance reports", null);
    }

    @Test
    void others_read_the_whole_history() {
        assertThat(groundsAsReadBy(OrganisationType.MUNICIPALITY, MUNICIPALITY))
                .containsExactly("A's own grounds", "B's grounds: nuisance reports", "the municipality's grounds");
    }
}
