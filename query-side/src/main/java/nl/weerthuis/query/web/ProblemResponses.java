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

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
