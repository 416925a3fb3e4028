package nl.weerthuis.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * What is answered outside Spring MVC's handlers (the security layer's refusals, the error page) in the same
 * problem+json (RFC 9457) as every other error.
 */
public final class ProblemJson {

    private final ObjectMapper json;

    public ProblemJson(ObjectMapper json) {
        this.json = json;
    }

    /** No token, or one that failed a check: 401, with what RFC 6750 asks and without saying which check. */
    public AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required");
        };
    }

    public AccessDeniedHandler denied() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "Your role does not allow this");
    }

    public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
