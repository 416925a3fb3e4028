package nl.weerthuis.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The registrations the reliability tests send while they break things (all in region "Crash"), and how many
 * registered clients the monitor counts over every region of the population and that one.
 */
final class Registrations {

    static final String BODY = """
            {"setting":"SHELTER","facility":"MO","region":"Crash","municipality":"Almelo","careProvider":"87654321",
             "registeredOn":"2026-01-05","personalDetails":{"name":"Crash Test"}}""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Http http = new Http();

    private Registrations() {
    }

    static String clientId(Http.Response response) {
        try {
            return JSON.readTree(response.body()).get("clientId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The monitor's count of registered clients, summed over the regions. */
    static long counted(App query) throws Exception {
        long total = 0;
        for (String region : regions()) {
            total += JSON.readTree(http.get(query.baseUrl() + "/api/v1/monitor/registered-clients?region=" + region,
                    Tokens.admin()).body()).path("regions").path(0).path("total").asLong();
        }
        return total;
    }

    static List<String> regions() {
        List<String> regions = new ArrayList<>(List.of("Crash"));
        for (int r = 0; r < Population.REGIONS; r++) {
            regions.add(Population.region(r));
        }
        return regions;
    }
}
