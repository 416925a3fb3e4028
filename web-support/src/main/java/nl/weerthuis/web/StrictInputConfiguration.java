package nl.weerthuis.web;

import nl.weerthuis.kernel.BusinessCalendar;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.weerthuis.kernel.input.StrictInput;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Strict input at the edge of both applications (see {@link StrictInput} for the rules): every JSON body goes
 * through one converter that refuses what the rules refuse, listing every field at once; query parameters and
 * headers carry no control characters; bodies are bounded; odd paths answer problem+json, never Tomcat's page.
 */
@Configuration
public class StrictInputConfiguration {

    @Bean
    StrictInput strictInput(@Value("${weerthuis.input.earliest-date:1900-01-01}") LocalDate earliest,
                            @Value("${weerthuis.input.planning-horizon:P10Y}") Period planningHorizon) {
        return new StrictInput(earliest, planningHorizon, Clock.systemUTC(), BusinessCalendar.NETHERLANDS);
    }

    /**
     * Bean Validation's {@code @PastOrPresent} and kin judge by the Dutch date too. By the JVM's zone (UTC in the
     * image), a registration dated today was refused as "in the future" from midnight in Amsterdam until midnight UTC.
     */
    @Bean
    org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer dutchValidationClock() {
        return configuration -> configuration.clockProvider(() -> Clock.system(BusinessCalendar.NETHERLANDS));
    }

    /** Replaces Spring Boot's JSON converter: reading is strict, writing is as before. */
    @Bean
    MappingJackson2HttpMessageConverter strictJsonConverter(ObjectMapper web, StrictInput rules,
                                                           jakarta.validation.Validator validator,
                                                           @Value("${weerthuis.input.max-body-bytes:65536}") int maxBodyBytes) {
        return new StrictJsonConverter(web, rules, validator, maxBodyBytes);
    }

    @Bean
    OncePerRequestFilter strictRequestLine() {
        return new StrictRequestLine();
    }

    /** Spring Security's firewall (encoded slashes, NUL, ...) answers problem+json too. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, rejected) -> StrictInputConfiguration.writeProblem(response, HttpStatus.BAD_REQUEST,
                "The request's path or headers are not acceptable");
    }

    /** Whatever Tomcat refuses before the application sees it (a {@code %00} in the path) is problem+json too. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonFromTomcat() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemJsonErrorValve.class.getName());
            });
        };
    }

    /**
     * A body over the limit is refused (413) before it is read. Tomcat then reads and discards what is left of it up to
     * its swallow size (2 MB by default) and otherwise closes the connection at once — and a client still sending sees
     * a broken pipe instead of the 413. Discarding up to this much lets a client that sends a whole oversized body
     * before it reads the answer still get its problem+json.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> answerOversizedBodies(
            @Value("${weerthuis.input.max-discarded-body-bytes:16777216}") int maxDiscardedBodyBytes) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof org.apache.coyote.http11.AbstractHttp11Protocol<?> http11) {
                http11.setMaxSwallowSize(maxDiscardedBodyBytes);
            }
        });
    }

    static void writeProblem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ProblemJsonErrorValve.problem(status.value(), status.getReasonPhrase(), detail));
    }

    /** Bodies: bounded, parsed to a tree (duplicate keys refused), checked field by field, then converted. */
    static final class StrictJsonConverter extends MappingJackson2HttpMessageConverter {

        private final StrictInput rules;
        private final jakarta.validation.Validator validator;
        private final int maxBodyBytes;

        StrictJsonConverter(ObjectMapper web, StrictInput rules, jakarta.validation.Validator validator, int maxBodyBytes) {
            super(StrictInput.strictCopyOf(web));
            this.rules = rules;
            this.validator = validator;
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
            return readStrict(getJavaType(type, contextClass), input);
        }

        @Override
        protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
            return readStrict(getJavaType(clazz, null), input);
        }

        private Object readStrict(JavaType type, HttpInputMessage input) throws IOException {
            long declared = input.getHeaders().getContentLength();
            if (declared > maxBodyBytes) {
                throw new BodyTooLarge(maxBodyBytes, input);
            }
            byte[] body;
            try (InputStream stream = input.getBody()) {
                body = stream.readNBytes(maxBodyBytes + 1);
            }
            if (body.length > maxBodyBytes) {
                throw new BodyTooLarge(maxBodyBytes, input);
            }
            try {
                return rules.read(getObjectMapper(), body, type, partial -> validator.validate(partial).stream()
                        .map(v -> new StrictInput.Problem(v.getPropertyPath().toString(), v.getMessage())).toList());
            } catch (StrictInput.Refused refused) {
                throw new InvalidBody(refused.problems(), input);
            }
        }
    }

    /** A body that breaks the input rules: 400 with every field named. */
    public static final class InvalidBody extends HttpMessageNotReadableException {
        private final List<StrictInput.Problem> problems;

        InvalidBody(List<StrictInput.Problem> problems, HttpInputMessage input) {
            super("invalid body", input);
            this.problems = problems;
        }

        public List<StrictInput.Problem> problems() {
            return problems;
        }
    }

    /** A body over the limit: 413. */
    public static final class BodyTooLarge extends HttpMessageNotReadableException {
        BodyTooLarge(int maxBodyBytes, HttpInputMessage input) {
            super("the body may hold at most " + maxBodyBytes + " bytes", input);
        }
    }

    /** Query parameters and header values are one line of text each; the decoded path holds no control characters. */
    static final class StrictRequestLine extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String uri = request.getRequestURI();
            if (!StrictInput.textProblems(java.net.URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8),
                    false, 2000).isEmpty()) {
                writeProblem(response, HttpStatus.BAD_REQUEST, "The path holds characters that are not allowed");
                return;
            }
            for (var parameter : request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    if (!StrictInput.textProblems(value, false, StrictInput.LINE_MAX).isEmpty()) {
                        writeProblem(response, HttpStatus.BAD_REQUEST, "Query parameter " + safe(parameter.getKey())
                                + " must be one line of at most " + StrictInput.LINE_MAX + " characters");
                        return;
                    }
                }
            }
            chain.doFilter(request, response);
        }

        private static String safe(String name) {
            return name.replaceAll("[^A-Za-z0-9_-]", "?");
        }
    }
}
