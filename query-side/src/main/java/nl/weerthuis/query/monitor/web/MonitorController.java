package nl.weerthuis.query.monitor.web;

import nl.weerthuis.web.Actors;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import nl.weerthuis.kernel.client.FetchRegisteredClientsPerRegionQuery;
import nl.weerthuis.kernel.client.RegisteredClientsInRegion;
import nl.weerthuis.query.monitor.SmallCellSuppression;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/monitor")
@Validated
class MonitorController {

    private final QueryGateway queries;

    MonitorController(QueryGateway queries) {
        this.queries = queries;
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Per region",
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(
                    implementation = RegisteredClientsAnswer.class)))
    @Operation(summary = "Registered clients (stock in BW and MO) per region; small cells are suppressed for monitors")
    @GetMapping("/registered-clients")
    Map<String, Object> registeredClients(@RequestParam(required = false) @Size(min = 1, max = 100) String region,
                                          Authentication caller) {
        List<RegisteredClientsInRegion> counts = queries.query(new FetchRegisteredClientsPerRegionQuery(region),
                ResponseTypes.multipleInstancesOf(RegisteredClientsInRegion.class)).join();
        boolean exact = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Actors.OPERATOR_ADMIN));
        List<Map<String, Object>> regions = new ArrayList<>();
        for (RegisteredClientsInRegion count : counts) {
            regions.add(exact ? row(count, new boolean[2], false) : suppressed(count));
        }
        return Map.of("regions", regions);
    }

    private static Map<String, Object> suppressed(RegisteredClientsInRegion count) {
        return row(count, SmallCellSuppression.suppressedParts(count.protectedHousing(), count.shelter()),
                SmallCellSuppression.isSmall(count.total()));
    }

    private static Map<String, Object> row(RegisteredClientsInRegion count, boolean[] partSuppressed,
                                           boolean totalSuppressed) {
        Map<String, Object> row = new LinkedHashMap<>();
        List<String> suppressed = new ArrayList<>();
        row.put("region", count.region());
        row.put("protectedHousing", shown("protectedHousing", count.protectedHousing(), partSuppressed[0], suppressed));
        row.put("shelter", shown("shelter", count.shelter(), partSuppressed[1], suppressed));
        row.put("total", shown("total", count.total(), totalSuppressed, suppressed));
        row.put("suppressed", suppressed);
        return row;
    }

    private static Long shown(String figure, long value, boolean hide, List<String> suppressed) {
        if (hide) {
            suppressed.add(figure);
            return null;
        }
        return value;
    }
}
