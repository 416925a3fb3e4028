package nl.weerthuis.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A wrong method is 405 only on a path an endpoint serves. Elsewhere the static-resource handler (which takes only
 * GET) would answer 405 for, say, a POST to an unknown path: that is a 404, like the same path with GET.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UnknownPaths {

    private final UnmappedRequests endpoints;

    public UnknownPaths(UnmappedRequests endpoints) {
        this.endpoints = endpoints;
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
        if (!endpoints.isServedPath(request)) {
            return problem(HttpStatus.NOT_FOUND, "Not found", "No such resource", new HttpHeaders());
        }
        HttpHeaders headers = new HttpHeaders();
        if (ex.getSupportedHttpMethods() != null) {
            headers.setAllow(ex.getSupportedHttpMethods());
        }
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                "This resource does not take " + ex.getMethod(), headers);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, HttpHeaders headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
