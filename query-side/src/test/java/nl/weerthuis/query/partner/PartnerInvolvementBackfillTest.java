package nl.weerthuis.query.partner;

import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.HousingRequestedEvent;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import nl.weerthuis.query.support.EventStoreFixture;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An installation upgraded from before V21: the feed's empty involvement table is rebuilt from the event store. */
// The same context as the other tests of this module: one set of processors on the shared test database.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class PartnerInvolvementBackfillTest {

    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PartnerInvolvementBackfill backfill;

    private List<Map<String, Object>> involvementOf(String client) {
        return jdbc.queryForList("""
                SELECT DISTINCT organisation, organisation_type, basis, reference, from_date, until_date,
                    ended_at IS NOT NULL AS ended
                FROM partner_involvement WHERE client_id = ? ORDER BY organisation, basis""", client);
    }

    @Test
    void an_empty_partner_involvement_table_is_rebuilt_with_the_same_rules_and_nothing_is_published() {
        String client = UUID.randomUUID().toString(), tenancy = UUID.randomUUID().toString();
        MetaData municipality = MetaData.with("actorOrganisation", "00000001001234567000");
        events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.SHELTER, "MO", "Twente", "Almelo",
                "61000001", LocalDate.of(2026, 1, 5), null), municipality);
        events.append("Client", client, 1, new HousingRequestedEvent(client, "61000002", LocalDate.of(2026, 1, 6)),
                municipality);
        events.append("Tenancy", tenancy, 0, new DwellingOfferedEvent(tenancy, client, "61000002", "61000001",
                LeaseForm.CLIENT_LEASE, new Dwelling("Straat 1", "Almelo", "Noord"), "Twente", false,
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 6), "a", 1, 6), MetaData.with("actorOrganisation", "61000002"));
        events.append("Tenancy", tenancy, 1, new TenancyEndedEvent(tenancy, client, TenancyEndReason.MOVED,
                LocalDate.of(2026, 3, 1), "61000002", "61000001", "Twente", null), MetaData.with("actorOrganisation", "61000002"));
        await().atMost(Duration.ofSeconds(20)).until(() -> involvementOf(client).stream()
                .filter(row -> Boolean.TRUE.equals(row.get("ended"))).count() == 3);
        List<Map<String, Object>> before = involvementOf(client);
        long published = jdbc.queryForObject("SELECT count(*) FROM partner_event", Long.class);

        jdbc.update("DELETE FROM partner_involvement");
        backfill.run(null);

        assertThat(involvementOf(client)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM partner_event", Long.class)).isEqualTo(published);
    }
}
