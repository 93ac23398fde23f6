package dev.zhsearch.search;

/** A query the user must fix: the message says what is wrong in one line. */
public final class InvalidQueryException extends Exception {

    public InvalidQueryException(String message) {
        super(message);
    }
}
