package nl.weerthuis.kernel.involvement;

import nl.weerthuis.kernel.careindication.IndicationEndReason;
import nl.weerthuis.kernel.careindication.IndicationEndedEvent;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.careindication.IndicationType;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.CaseCoordinationAssignedEvent;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.HousingRequestWithdrawnEvent;
import nl.weerthuis.kernel.client.HousingRequestedEvent;
import nl.weerthuis.kernel.involvement.ClientInvolvements.Fact;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.OfferRefusedEvent;
import nl.weerthuis.kernel.tenancy.SignalRaisedEvent;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static nl.weerthuis.kernel.identity.OrganisationType.CARE_PROVIDER;
import static nl.weerthuis.kernel.identity.OrganisationType.HOUSING_CORPORATION;
import static nl.weerthuis.kernel.identity.OrganisationType.MUNICIPALITY;
import static nl.weerthuis.kernel.identity.OrganisationType.NEIGHBOURHOOD_TEAM;
import static nl.weerthuis.kernel.involvement.ClientInvolvements.Standing.FORMERLY_INVOLVED;
import static nl.weerthuis.kernel.involvement.ClientInvolvements.Standing.INVOLVED;
import static nl.weerthuis.kernel.involvement.ClientInvolvements.Standing.NEVER_INVOLVED;
import static org.assertj.core.api.Assertions.assertThat;

class ClientInvolvementsTest {

    static final String CLIENT = "client-1", MUNICIPALITY_ORG = "00000001001234567000", OTHER_MUNICIPALITY = "00000001009999999000",
            FACILITY_PROVIDER = "87654321", CORPORATION = "12345678", OTHER_CORPORATION = "12340000",
            TEAM = "00000001005555555000", INDICATED_PROVIDER = "11112222";
    static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    private final List<Fact> facts = new ArrayList<>();
    private Instant clock = Instant.parse("2026-01-05T10:00:00Z");

    private void recorded(Object event, String by) {
        clock = clock.plusSeconds(60);
        facts.add(new Fact(event, by, clock));
    }

    private ClientInvolvements involvements() {
        return ClientInvolvements.fold(facts);
    }

    private void registered() {
        recorded(new ClientRegisteredEvent(CLIENT, CareSetting.PROTECTED_HOUSING, "De Brug", "Twente", "Almelo",
                FACILITY_PROVIDER, DAY, null), MUNICIPALITY_ORG);
    }

    private DwellingOfferedEvent offer(String tenancyId, String landlord) {
        return new DwellingOfferedEvent(tenancyId, CLIENT, landlord, FACILITY_PROVIDER, LeaseForm.CLIENT_LEASE, null,
                "Twente", true, DAY.plusDays(10), DAY, "agreement", 1, 6);
    }

    @Test
    void registering_involves_the_registering_municipality_and_the_facility_provider_and_nobody_else() {
        registered();
        ClientInvolvements involvements = involvements();
        assertThat(involvements.standingOf(MUNICIPALITY_ORG)).isEqualTo(INVOLVED);
        assertThat(involvements.active()).extracting(Involvement::organisation, Involvement::type, Involvement::basis)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MUNICIPALITY_ORG, MUNICIPALITY, InvolvementBasis.CLIENTS_MUNICIPALITY),
                        org.assertj.core.groups.Tuple.tuple(FACILITY_PROVIDER, CARE_PROVIDER, InvolvementBasis.CARE_PROVIDER_AT_REGISTRATION));
        assertThat(involvements.standingOf(OTHER_MUNICIPALITY)).isEqualTo(NEVER_INVOLVED);
        assertThat(involvements.standingOf(CORPORATION)).isEqualTo(NEVER_INVOLVED);
    }

    @Test
    void events_that_grant_nothing_involve_nobody_even_when_another_organisation_recorded_them() {
        registered();
        recorded(new SignalRaisedEvent("t", CLIENT, "s", null, OTHER_CORPORATION, HOUSING_CORPORATION, null, null, DAY),
                OTHER_CORPORATION);
        assertThat(involvements().standingOf(OTHER_CORPORATION)).isEqualTo(NEVER_INVOLVED);
    }

    @Test
    void procesregie_involves_its_holder_with_the_type_recorded() {
        registered();
        recorded(new CaseCoordinationAssignedEvent(CLIENT, TEAM, NEIGHBOURHOOD_TEAM, DAY), MUNICIPALITY_ORG);
        assertThat(involvements().active()).filteredOn(i -> i.organisation().equals(TEAM))
                .singleElement().satisfies(i -> {
                    assertThat(i.type()).isEqualTo(NEIGHBOURHOOD_TEAM);
                    assertThat(i.basis()).isEqualTo(InvolvementBasis.CASE_COORDINATION);
                    assertThat(i.from()).isEqualTo(DAY);
                });
    }

    @Test
    void a_housing_request_involves_the_corporation_until_it_is_withdrawn() {
        registered();
        recorded(new HousingRequestedEvent(CLIENT, CORPORATION, DAY), MUNICIPALITY_ORG);
        assertThat(involvements().standingOf(CORPORATION)).isEqualTo(INVOLVED);
        assertThat(involvements().onBasis(CORPORATION, InvolvementBasis.HOUSING_REQUEST)).isTrue();

        recorded(new HousingRequestWithdrawnEvent(CLIENT, CORPORATION, DAY.plusDays(3)), MUNICIPALITY_ORG);
        ClientInvolvements after = involvements();
        assertThat(after.standingOf(CORPORATION)).isEqualTo(FORMERLY_INVOLVED);
        assertThat(after.endOf(CORPORATION)).contains(clock);
        assertThat(after.all()).filteredOn(i -> i.organisation().equals(CORPORATION)).singleElement()
                .satisfies(i -> assertThat(i.until()).isEqualTo(DAY.plusDays(3)));
    }

    @Test
    void a_refused_offer_ends_the_tenancy_but_not_the_request_so_the_corporation_may_offer_again() {
        registered();
        recorded(new HousingRequestedEvent(CLIENT, CORPORATION, DAY), MUNICIPALITY_ORG);
        recorded(offer("t1", CORPORATION), CORPORATION);
        recorded(new OfferRefusedEvent("t1", CLIENT, DAY.plusDays(12), "too far"), MUNICIPALITY_ORG);
        ClientInvolvements involvements = involvements();
        assertThat(involvements.standingOf(CORPORATION)).isEqualTo(INVOLVED);
        assertThat(involvements.onBasis(CORPORATION, InvolvementBasis.TENANCY_LANDLORD)).isFalse();
        assertThat(involvements.onBasis(CORPORATION, InvolvementBasis.HOUSING_REQUEST)).isTrue();
    }

    @Test
    void an_ended_tenancy_ends_the_corporations_involvement_and_its_request() {
        registered();
        recorded(new HousingRequestedEvent(CLIENT, CORPORATION, DAY), MUNICIPALITY_ORG);
        recorded(offer("t1", CORPORATION), CORPORATION);
        recorded(new TenancyEndedEvent("t1", CLIENT, TenancyEndReason.MOVED, DAY.plusMonths(9), CORPORATION,
                FACILITY_PROVIDER, "Twente", null), CORPORATION);
        ClientInvolvements involvements = involvements();
        assertThat(involvements.standingOf(CORPORATION)).isEqualTo(FORMERLY_INVOLVED);
        // The facility's provider stays involved: it was named at registration, not only in the lease.
        assertThat(involvements.standingOf(FACILITY_PROVIDER)).isEqualTo(INVOLVED);
        assertThat(involvements.onBasis(FACILITY_PROVIDER, InvolvementBasis.TENANCY_CARE_PROVIDER)).isFalse();
    }

    @Test
    void an_indication_involves_the_provider_it_names_until_it_ends() {
        registered();
        recorded(new IndicationGrantedEvent("i1", CLIENT, IndicationType.AMBULATORY_SUPPORT, 6, INDICATED_PROVIDER,
                "Twente", DAY, DAY.plusYears(1)), MUNICIPALITY_ORG);
        assertThat(involvements().standingOf(INDICATED_PROVIDER)).isEqualTo(INVOLVED);
        recorded(new IndicationEndedEvent("i1", CLIENT, IndicationEndReason.PERIOD_ENDED, DAY.plusMonths(6),
                INDICATED_PROVIDER, null), MUNICIPALITY_ORG);
        assertThat(involvements().standingOf(INDICATED_PROVIDER)).isEqualTo(FORMERLY_INVOLVED);
    }

    @Test
    void a_new_request_after_the_end_involves_the_corporation_again() {
        registered();
        recorded(new HousingRequestedEvent(CLIENT, CORPORATION, DAY), MUNICIPALITY_ORG);
        recorded(new HousingRequestWithdrawnEvent(CLIENT, CORPORATION, DAY.plusDays(1)), MUNICIPALITY_ORG);
        recorded(new HousingRequestedEvent(CLIENT, CORPORATION, DAY.plusDays(2)), MUNICIPALITY_ORG);
        assertThat(involvements().standingOf(CORPORATION)).isEqualTo(INVOLVED);
        assertThat(involvements().all()).filteredOn(i -> i.organisation().equals(CORPORATION)).hasSize(2);
    }

    @Test
    void a_second_grant_on_the_same_basis_is_one_involvement() {
        registered();
        recorded(new HousingRequestedEvent(CLIENT, CORPORATION, DAY), MUNICIPALITY_ORG);
        recorded(new HousingRequestedEvent(CLIENT, CORPORATION, DAY.plusDays(1)), TEAM);
        assertThat(involvements().all()).filteredOn(i -> i.organisation().equals(CORPORATION)).hasSize(1);
    }
}
