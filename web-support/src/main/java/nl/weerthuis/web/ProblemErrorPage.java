package nl.weerthuis.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Spring's error page, where a request ends that failed with nothing to answer for it (an exception no handler
 * expected: a bug, a database gone away). Spring Boot's own page answered {@code application/json} with
 * {@code timestamp}, {@code error} and {@code path}, a shape no partner is told of; this one answers the problem+json
 * of every other error, and says nothing of the cause (the container logs it).
 */
@Hidden // not an operation of the API: where its failures are answered
@RestController
public class ProblemErrorPage implements ErrorController {

    private final ProblemJson problems;

    public ProblemErrorPage(ProblemJson problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        response.resetBuffer();
        problems.write(response, status, status.is5xxServerError() ? "The request could not be processed"
                : status.getReasonPhrase());
    }
}
