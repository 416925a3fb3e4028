package nl.weerthuis.query.support;

import nl.weerthuis.query.organisation.OrganisationNames;
import nl.weerthuis.testsupport.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.Map;
import java.util.Optional;

/** Stands in for the organisation register: a few organisations by name, every other one unknown. */
@TestConfiguration
public class TestOrganisationNames {

    public static final String CORPORATION = "12345678", PROVIDER = "87654321";
    public static final Map<String, String> NAMES = Map.of(
            CORPORATION, "Woonstichting De Hoven",
            PROVIDER, "RIBW Twente",
            TestTokens.MUNICIPALITY, "Gemeente Almelo");

    @Bean
    @Primary
    OrganisationNames testOrganisationNames() {
        return organisation -> Optional.ofNullable(NAMES.get(organisation));
    }
}
