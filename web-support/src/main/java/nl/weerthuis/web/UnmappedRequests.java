package nl.weerthuis.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.function.Supplier;

/**
 * The last request rule. A request that reaches it matched no rule: if some endpoint would handle it, that endpoint
 * has no rule and is refused (403; the authorisation matrix test fails on it). Otherwise there is no endpoint — an
 * unknown path, a trailing slash, or a known path with the wrong method — and it is let through so the web layer
 * answers 404 or 405 problem+json instead of a misleading 403. No handler runs for it.
 */
public final class UnmappedRequests implements AuthorizationManager<RequestAuthorizationContext> {

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

    public UnmappedRequests(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(!hasHandler(context.getRequest()));
    }

    /** Whether some endpoint serves this path, with whatever method. */
    boolean isServedPath(HttpServletRequest request) {
        return withParsedPath(request, () -> {
            for (RequestMappingInfoHandlerMapping mapping : mappings) {
                for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                    if (info.getPathPatternsCondition() != null
                            && info.getPathPatternsCondition().getMatchingCondition(request) != null) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    private static boolean withParsedPath(HttpServletRequest request, java.util.function.BooleanSupplier check) {
        RequestPath previous = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return check.getAsBoolean();
        } finally {
            if (previous == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                ServletRequestPathUtils.setParsedRequestPath(previous, request);
            }
        }
    }

    boolean hasHandler(HttpServletRequest request) {
        return withParsedPath(request, () -> {
            for (RequestMappingInfoHandlerMapping mapping : mappings) {
                try {
                    if (mapping.getHandler(request) != null) {
                        return true;
                    }
                } catch (Exception mappedPathButNotThisRequest) {
                    // e.g. the wrong method: the web layer will refuse it the same way (405) without a handler
                }
            }
            return false;
        });
    }
}
