package nl.weerthuis.web.openapi;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

/**
 * The refusals every operation can give, from what the shared web layer does before and around any handler: strict
 * input (400, and 413/415 for a body), the bearer token (401) and role (403) unless the operation is public, 404 for
 * a path naming something the caller may not see, and 500 for a failure of our own. An operation is public when it
 * says so with an empty {@link SecurityRequirements}. Answers an operation documents itself are kept.
 */
public final class DocumentedResponses implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        add(responses, HttpStatus.BAD_REQUEST, "Invalid input: every field, parameter or header at fault in invalidParams");
        if (isPublic(handler)) {
            operation.setSecurity(List.of());
        } else {
            add(responses, HttpStatus.UNAUTHORIZED, "No valid bearer token");
            add(responses, HttpStatus.FORBIDDEN, "The caller's role or organisation type may not do this");
        }
        if (has(handler, PathVariable.class)) {
            add(responses, HttpStatus.NOT_FOUND, "No such resource, or none the caller's organisation may see");
        }
        if (has(handler, RequestBody.class)) {
            add(responses, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than the limit");
            add(responses, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is not of a media type this operation takes");
        }
        add(responses, HttpStatus.INTERNAL_SERVER_ERROR, "A failure of the service itself; nothing was changed");
        return operation;
    }

    /** Adds an answer the operation does not document itself; its problem+json body comes with {@link ServedDocument}. */
    public static void add(ApiResponses responses, HttpStatus status, String description) {
        responses.putIfAbsent(String.valueOf(status.value()), new ApiResponse().description(description));
    }

    static boolean isPublic(HandlerMethod handler) {
        SecurityRequirements requirements = handler.getMethodAnnotation(SecurityRequirements.class);
        return requirements != null && requirements.value().length == 0;
    }

    private static boolean has(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> annotation) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(annotation)) {
                return true;
            }
        }
        return false;
    }
}
