package dev.zhsearch.http;

/** Every error the API returns: a one-line message and, where useful, a detail (never a stack trace). */
public record ApiError(String error, Object detail) {}
