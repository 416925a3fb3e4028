package nl.weerthuis.command.web;

import nl.weerthuis.command.eventstore.BurstAppends;
import nl.weerthuis.command.rules.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.HttpHeaders;
import nl.weerthuis.kernel.privacy.PersonalDataErasedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Every error is {@code application/problem+json} (RFC 9457); invalid input lists all its field errors at once. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    ProblemResponses(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> invalidParams = ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(error -> Map.of("name", error.getField(),
                        "reason", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                invalidParams.size() + " field(s) are invalid");
        problem.setTitle("Invalid input");
        problem.setProperty("invalidParams", invalidParams);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (ex instanceof nl.weerthuis.web.StrictInputConfiguration.InvalidBody invalid) {
            List<Map<String, String>> invalidParams = invalid.problems().stream()
                    .map(p -> Map.of("name", p.name(), "reason", p.reason())).toList();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    invalidParams.size() + " field(s) are invalid");
            problem.setTitle("Invalid input");
            problem.setProperty("invalidParams", invalidParams);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        if (ex instanceof nl.weerthuis.web.StrictInputConfiguration.BodyTooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", ex.getMessage()));
        }
        // Jackson's message may echo the input; say what is wrong without repeating personal data back.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not valid JSON of the expected shape (check field types and enum values)");
        problem.setTitle("Unreadable request body");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ExpectedVersion.InvalidIfMatch.class)
    ProblemDetail invalidIfMatch(ExpectedVersion.InvalidIfMatch ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid If-Match", ex.getMessage());
    }

    @ExceptionHandler(IdempotentRequests.InvalidIdempotencyKey.class)
    ProblemDetail idempotencyKey(IdempotentRequests.InvalidIdempotencyKey ex) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key not usable", ex.getMessage());
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Rule violated: " + ex.rule(), ex.getMessage());
        problem.setProperty("rule", ex.rule());
        return problem;
    }

    /** A handler's exception may reach the gateway wrapped; answer for what is inside. */
    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return notFound(notFound);
        }
        if (cause instanceof ConflictingModificationException stale) {
            return staleVersion(stale);
        }
        if (cause instanceof ConcurrencyException conflict) {
            return conflict(conflict);
        }
        throw ex;
    }

    /**
     * New personal data for an erased client is refused where it is encrypted, while the events are stored; the
     * exception reaches here wrapped in whatever the store wraps it in.
     */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail failedWhileStoring(RuntimeException ex, jakarta.servlet.http.HttpServletResponse response) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            // A consequence in the same unit of work (the outflow of a move-in) breaks a rule: the cause is refused.
            if (cause instanceof RuleViolation violation) {
                return ruleViolation(violation);
            }
            if (cause instanceof PersonalDataErasedException erased) {
                ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Rule violated: PERSONAL_DATA_ERASED",
                        erased.getMessage());
                problem.setProperty("rule", "PERSONAL_DATA_ERASED");
                return problem;
            }
            if (cause instanceof AggregateStreamCreationException) {
                return problem(HttpStatus.CONFLICT, "Already exists", "A resource with this id already exists");
            }
            if (cause instanceof BurstAppends.NoMomentAlone busy) {
                ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Event store busy",
                        "Nothing was recorded: the store found no moment to take this batch alone; send it again");
                response.setHeader("Retry-After", String.valueOf(Math.max(1, busy.tried().toSeconds())));
                return problem;
            }
        }
        if (LostRace.causes(ex)) {
            return conflict(null);
        }
        throw ex;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "No such resource");
    }

    @ExceptionHandler(ConflictingModificationException.class)
    ProblemDetail staleVersion(ConflictingModificationException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Stale version",
                "The resource changed since the version in If-Match; read it again and retry");
        if (ex instanceof org.axonframework.modelling.command.ConflictingAggregateVersionException stale) {
            // Say what moved it, so a caller sees when it was not a person but the clock (a term reached, a review due):
            // events of a deadline carry no actor (Axon's deadline manager handles them without correlation data),
            // while every event a person causes, directly or through the journey process, names them.
            problem.setProperty("currentVersion", stale.getActualVersion());
            problem.setProperty("changesSince", jdbc.query("""
                    SELECT sequence_number, payload_type, time_stamp,
                           position(convert_to('"actorPerson"', 'UTF8') in meta_data) = 0 AS time_driven
                    FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number > ? ORDER BY sequence_number""",
                    (row, n) -> Map.of("version", row.getLong(1),
                            "event", row.getString(2).substring(row.getString(2).lastIndexOf('.') + 1),
                            "recordedAt", row.getString(3), "timeDriven", row.getBoolean(4)),
                    String.valueOf(stale.getAggregateIdentifier()), stale.getExpectedVersion()));
        }
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail conflict(ConcurrencyException ex) {
        return problem(HttpStatus.CONFLICT, "Concurrent modification",
                "Another change to this resource was made at the same time; read it again and retry");
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
