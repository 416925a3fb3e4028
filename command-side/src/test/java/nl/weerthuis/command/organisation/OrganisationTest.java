package nl.weerthuis.command.organisation;

import nl.weerthuis.kernel.organisation.*;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.weerthuis.command.support.Rules.violated;
import static nl.weerthuis.kernel.identity.OrganisationType.HOUSING_CORPORATION;
import static nl.weerthuis.kernel.identity.OrganisationType.MUNICIPALITY;
import static nl.weerthuis.kernel.identity.OrganisationType.NEIGHBOURHOOD_TEAM;

class OrganisationTest {

    static final String ALMELO = "00000001001234567000";
    static final OrganisationRegisteredEvent REGISTERED = new OrganisationRegisteredEvent(ALMELO, "Gemeente Almelo",
            MUNICIPALITY, List.of("Twente"));

    /** A fresh fixture for each command: a fixture remembers the aggregate of its first command. */
    private static AggregateTestFixture<Organisation> fixture() {
        return new AggregateTestFixture<>(Organisation.class);
    }

    @Test
    void an_organisation_is_registered_under_its_number_with_its_regions_each_once() {
        fixture().givenNoPriorActivity()
                .when(new RegisterOrganisationCommand(ALMELO, " Gemeente Almelo ", MUNICIPALITY,
                        List.of("Twente", " Twente", "Salland")))
                .expectEvents(new OrganisationRegisteredEvent(ALMELO, "Gemeente Almelo", MUNICIPALITY,
                        List.of("Twente", "Salland")));
    }

    @Test
    void a_number_is_registered_once() {
        fixture().given(REGISTERED)
                .when(new RegisterOrganisationCommand(ALMELO, "Another", HOUSING_CORPORATION, List.of("Twente")))
                .expectException(violated("ORGANISATION_REGISTERED_ONCE"));
    }

    @Test
    void a_registration_needs_a_number_a_name_and_a_type() {
        fixture().givenNoPriorActivity()
                .when(new RegisterOrganisationCommand("1234", "Gemeente", MUNICIPALITY, List.of("Twente")))
                .expectException(violated("ORGANISATION_NUMBER"));
        fixture().givenNoPriorActivity()
                .when(new RegisterOrganisationCommand(ALMELO, "  ", MUNICIPALITY, List.of("Twente")))
                .expectException(violated("ORGANISATION_NEEDS_NAME"));
        fixture().givenNoPriorActivity()
                .when(new RegisterOrganisationCommand(ALMELO, "Gemeente Almelo", null, List.of("Twente")))
                .expectException(violated("ORGANISATION_NEEDS_TYPE"));
        fixture().givenNoPriorActivity()
                .when(new RegisterOrganisationCommand(ALMELO, "Gemeente Almelo", MUNICIPALITY, List.of("Twente", " ")))
                .expectException(violated("ORGANISATION_REGION_NAMED"));
        fixture().givenNoPriorActivity()
                .when(new RegisterOrganisationCommand(ALMELO, "Gemeente Almelo", MUNICIPALITY, List.of()))
                .expectException(violated("ORGANISATION_NEEDS_REGION"));
    }

    @Test
    void a_rename_is_recorded_and_the_same_name_again_changes_nothing() {
        fixture().given(REGISTERED)
                .when(new RenameOrganisationCommand(ALMELO, "Gemeente Almelo (centrumgemeente)"))
                .expectEvents(new OrganisationRenamedEvent(ALMELO, "Gemeente Almelo (centrumgemeente)"));
        fixture().given(REGISTERED)
                .when(new RenameOrganisationCommand(ALMELO, "Gemeente Almelo"))
                .expectNoEvents();
        fixture().given(REGISTERED)
                .when(new RenameOrganisationCommand(ALMELO, ""))
                .expectException(violated("ORGANISATION_NEEDS_NAME"));
    }

    @Test
    void a_type_change_is_recorded_once() {
        fixture().given(REGISTERED)
                .when(new ChangeOrganisationTypeCommand(ALMELO, NEIGHBOURHOOD_TEAM))
                .expectEvents(new OrganisationTypeChangedEvent(ALMELO, NEIGHBOURHOOD_TEAM));
        fixture().given(REGISTERED, new OrganisationTypeChangedEvent(ALMELO, NEIGHBOURHOOD_TEAM))
                .when(new ChangeOrganisationTypeCommand(ALMELO, NEIGHBOURHOOD_TEAM))
                .expectNoEvents();
        fixture().given(REGISTERED)
                .when(new ChangeOrganisationTypeCommand(ALMELO, null))
                .expectException(violated("ORGANISATION_NEEDS_TYPE"));
    }

    @Test
    void the_regions_are_replaced_as_a_whole_and_the_same_list_changes_nothing() {
        fixture().given(REGISTERED)
                .when(new ChangeOrganisationRegionsCommand(ALMELO, List.of("Twente", "Salland")))
                .expectEvents(new OrganisationRegionsChangedEvent(ALMELO, List.of("Twente", "Salland")));
        fixture().given(REGISTERED)
                .when(new ChangeOrganisationRegionsCommand(ALMELO, List.of("Twente", "Twente")))
                .expectNoEvents();
        fixture().given(REGISTERED)
                .when(new ChangeOrganisationRegionsCommand(ALMELO, List.of()))
                .expectException(violated("ORGANISATION_NEEDS_REGION"));
    }

    @Test
    void an_unregistered_number_cannot_be_changed_into_existence() {
        fixture().givenNoPriorActivity()
                .when(new RenameOrganisationCommand(ALMELO, "Gemeente Almelo"))
                .expectException(AggregateNotFoundException.class);
    }
}
