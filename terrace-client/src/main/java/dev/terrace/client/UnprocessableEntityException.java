package dev.terrace.client;

import dev.terrace.api.FieldError;
import dev.terrace.api.Problem;
import java.util.List;

/**
 * The request is well-formed but invalid, or over a limit (HTTP 422, {@code validation_error} or
 * {@code request_limit}). {@link #fieldErrors()} names each offending field. Not retried.
 */
public final class UnprocessableEntityException extends ApiException {

    private static final long serialVersionUID = 1L;

    UnprocessableEntityException(ErrorResponse response) {
        super(response);
    }

    /**
     * The offending fields, as the problem's {@code errors} lists them.
     *
     * @return the field errors, for example one at {@code geometries[3].coordinates}; empty when the problem
     *     names none
     */
    public List<FieldError> fieldErrors() {
        return problem().map(Problem::errors).orElse(List.of());
    }
}
