package nl.weerthuis.query.web;

import jakarta.validation.ConstraintViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/** Every error is {@code application/problem+json} (RFC 9457); invalid parameters are listed all at once. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidParameters(ConstraintViolationException ex) {
        List<Map<String, String>> invalidParams = ex.getConstraintViolations().stream()
                .map(violation -> Map.of("name", lastNode(violation.getPropertyPath().toString()),
                        "reason", violation.getMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                invalidParams.size() + " parameter(s) are invalid");
        problem.setTitle("Invalid input");
        problem.setProperty("invalidParams", invalidParams);
        return problem;
    }

    @Override
    protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        if (ex instanceof nl.weerthuis.web.StrictInputConfiguration.BodyTooLarge) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
            problem.setTitle("Request body too large");
            return org.springframework.http.ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        List<Map<String, String>> invalidParams = ex instanceof nl.weerthuis.web.StrictInputConfiguration.InvalidBody invalid
                ? invalid.problems().stream().map(p -> Map.of("name", p.name(), "reason", p.reason())).toList()
                : List.of(Map.of("name", "body", "reason", "is not valid JSON of the expected shape"));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                invalidParams.size() + " field(s) are invalid");
        problem.setTitle("Invalid input");
        problem.setProperty("invalidParams", invalidParams);
        return org.springframework.http.ResponseEntity.badRequest()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
