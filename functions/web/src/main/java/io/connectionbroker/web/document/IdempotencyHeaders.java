package io.connectionbroker.web.document;

/** The headers of requests that may be sent again safely, and of the answers they get back. */
public final class IdempotencyHeaders {
    /** Sent by the caller on a POST: the same key and request within 24 hours get the first answer back. */
    public static final String KEY = "Idempotency-Key";
    /** Set on an answer given back from a request's first time rather than performed now. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** What the OpenAPI document says of the key, on every POST. */
    public static final String KEY_DESCRIPTION = "Makes the request safe to send again: the same key and the same"
            + " request (method, path and body, byte for byte) within 24 hours get the first answer back, with"
            + " `Idempotent-Replayed: true`, and change nothing more; the same key with another request is"
            + " refused (422 `idempotency-key-reused`). Keys belong to the calling instance: 1 to 255 visible"
            + " ASCII characters. Only answers that changed something are kept: a refused request runs again.";
    /** What the OpenAPI document says of the key on registration, where there is no calling instance yet. */
    public static final String REGISTRATION_KEY_DESCRIPTION = "Makes the registration safe to send again: the same"
            + " key and body within 24 hours get the first answer back (the same instance and API key), with"
            + " `Idempotent-Replayed: true`. Here the key must be a random UUID, kept as carefully as the answer:"
            + " anyone who sends it with the same body gets that answer. The same key with another body is refused"
            + " (422 `idempotency-key-reused`).";

    private IdempotencyHeaders() {
    }
}
