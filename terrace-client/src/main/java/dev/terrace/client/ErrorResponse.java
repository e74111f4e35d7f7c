package dev.terrace.client;

import dev.terrace.api.FieldError;
import dev.terrace.api.Problem;
import java.net.http.HttpHeaders;

/** An error response as the exceptions hold it: status, headers, body text and the problem parsed from it. */
record ErrorResponse(int status, HttpHeaders headers, String body, Problem problem) {

    /** Longest body excerpt a message quotes when the body is not a problem. */
    private static final int EXCERPT = 200;

    /** The exception message: the status, what the problem says, and the request id. */
    String message() {
        StringBuilder sb = new StringBuilder("HTTP ").append(status);
        if (problem != null) {
            if (problem.title() != null) {
                sb.append(' ').append(problem.title());
            }
            if (problem.detail() != null) {
                sb.append(": ").append(problem.detail());
            }
            for (FieldError e : problem.errors() == null ? java.util.List.<FieldError>of() : problem.errors()) {
                sb.append("; ").append(e.path()).append(": ").append(e.msg());
            }
        } else if (status >= 300 && status < 400) {
            sb.append(" redirect to ").append(headers.firstValue("Location").orElse("(no Location)"))
                    .append(" not followed: the client follows only 307 and 308 redirects within the base URL's"
                            + " origin, so that the API key never leaves it");
        } else if (!body.isBlank()) {
            String text = body.strip().replaceAll("\\s+", " ");
            sb.append(": ").append(text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
        }
        String requestId = headers.firstValue(Headers.REQUEST_ID)
                .orElse(problem == null ? null : problem.requestId());
        if (requestId != null) {
            sb.append(" (request id ").append(requestId).append(')');
        }
        return sb.toString();
    }
}
