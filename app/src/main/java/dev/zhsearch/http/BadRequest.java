package dev.zhsearch.http;

/** A request the client must fix: 400 with this message. */
final class BadRequest extends RuntimeException {

    private final Object detail;

    BadRequest(String message, Object detail) {
        super(message, null, false, false);
        this.detail = detail;
    }

    Object detail() {
        return detail;
    }
}
