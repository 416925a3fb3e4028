package nl.weerthuis.web.openapi;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import java.util.List;

/**
 * The one problem+json (RFC 9457) body of every 4xx and 5xx answer, with the members this API adds: the fields at
 * fault ({@code invalidParams}), the broken rule ({@code rule}) and, for a stale version, what changed since.
 */
final class ProblemSchema {

    // Not "Problem": a model of that name (a caseload row's) would take its place.
    static final String NAME = "ProblemDetails";
    static final String INVALID_PARAM = "ProblemInvalidParam";
    static final String REF = "#/components/schemas/" + NAME;

    private ProblemSchema() {
    }

    static Schema<?> problem() {
        return new ObjectSchema()
                .description("An error as RFC 9457 problem details; further members may follow")
                .required(List.of("status", "title", "detail"))
                .addProperty("type", new StringSchema().format("uri-reference").example("about:blank")
                        .description("The kind of problem; about:blank where the status says it all"))
                .addProperty("title", new StringSchema().example("Invalid input"))
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).example(400))
                .addProperty("detail", new StringSchema().example("2 field(s) are invalid"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The path of the request that failed"))
                .addProperty("invalidParams", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + INVALID_PARAM))
                        .description("400: every field, parameter or header at fault, all at once"))
                .addProperty("rule", new StringSchema().example("FLIP_MINIMUM_TERM")
                        .description("422: the rule the request breaks"))
                .addProperty("currentVersion", new IntegerSchema().format("int64")
                        .description("409 for a stale If-Match: the resource's current version"))
                .addProperty("changesSince", new ArraySchema().items(new ObjectSchema()
                                .addProperty("version", new IntegerSchema().format("int64"))
                                .addProperty("event", new StringSchema())
                                .addProperty("recordedAt", new StringSchema())
                                .addProperty("timeDriven", new Schema<Boolean>().type("boolean")))
                        .description("409 for a stale If-Match: each event since that version"));
    }

    static Schema<?> invalidParam() {
        return new ObjectSchema().required(List.of("name", "reason"))
                .addProperty("name", new StringSchema().example("dwelling.neighbourhood")
                        .description("The JSON path of the field, or the name of the parameter or header"))
                .addProperty("reason", new StringSchema().example("must be at most 200 characters"));
    }
}
