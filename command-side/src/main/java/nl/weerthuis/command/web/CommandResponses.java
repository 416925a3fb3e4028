package nl.weerthuis.command.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import nl.weerthuis.web.openapi.ApiDocumentation;
import nl.weerthuis.web.openapi.DocumentedResponses;
import nl.weerthuis.web.openapi.ServedDocument;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

/**
 * What {@link CommandDispatch} answers, in the OpenAPI document: an operation that takes an {@code Idempotency-Key}
 * sends a command, so it answers 201 with the new id, {@code Location} and {@code ETag} ({@link Creates}) or 204 with
 * the {@code ETag} of the version it appended; a change to an existing resource takes {@code If-Match}. Either may be
 * refused for a stale or concurrent version (409) or a broken rule or unusable key (422). A read of a version
 * answers with its {@code ETag}.
 */
@Component
class CommandResponses implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        if (handler.hasMethodAnnotation(io.swagger.v3.oas.annotations.responses.ApiResponse.class)
                || handler.hasMethodAnnotation(io.swagger.v3.oas.annotations.responses.ApiResponses.class)) {
            return operation; // it says what it answers itself (it does not go through CommandDispatch)
        }
        if (!takesIdempotencyKey(handler)) {
            ApiResponse ok = responses.get("200");
            if (ok != null) {
                ServedDocument.header(ok, ApiDocumentation.ETAG);
            }
            return operation;
        }
        describeIdempotencyKey(operation);
        responses.remove("200");
        Creates creates = handler.getMethodAnnotation(Creates.class);
        if (creates != null) {
            ApiResponse created = new ApiResponse().description("Created: the new id, where it is, and its version")
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                            new MediaType().schema(new ObjectSchema().required(List.of(creates.value()))
                                    .addProperty(creates.value(), new StringSchema().format("uuid")))));
            ServedDocument.header(created, ApiDocumentation.LOCATION);
            ServedDocument.header(created, ApiDocumentation.ETAG);
            responses.put("201", created);
        } else {
            ApiResponse done = new ApiResponse().description("Recorded (or a repeat of a request already recorded)");
            ServedDocument.header(done, ApiDocumentation.ETAG);
            responses.put("204", done);
            operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                    .description("The version of the resource this change was decided on, from its last ETag; "
                            + "a stale one is refused with 409")
                    .schema(new StringSchema().pattern("^(W/)?\"?\\d{1,18}\"?$").example("\"3\"")));
        }
        DocumentedResponses.add(responses, HttpStatus.CONFLICT,
                "The resource changed since the version in If-Match, or at the same time; read it again and retry");
        DocumentedResponses.add(responses, HttpStatus.UNPROCESSABLE_ENTITY,
                "A rule is broken (named in rule), or the Idempotency-Key was used for another request");
        return operation;
    }

    private static void describeIdempotencyKey(Operation operation) {
        for (var parameter : operation.getParameters() == null ? List.<io.swagger.v3.oas.models.parameters.Parameter>of()
                : operation.getParameters()) {
            if ("header".equals(parameter.getIn()) && IdempotentRequests.HEADER.equalsIgnoreCase(parameter.getName())) {
                parameter.description("Makes a repeat of this request return its first outcome and append nothing "
                        + "(a key used for another request is refused with 422)");
                parameter.schema(new StringSchema().minLength(1).maxLength(IdempotentRequests.MAX_KEY_LENGTH));
            }
        }
    }

    private static boolean takesIdempotencyKey(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header != null && IdempotentRequests.HEADER.equalsIgnoreCase(header.name())) {
                return true;
            }
        }
        return false;
    }
}
