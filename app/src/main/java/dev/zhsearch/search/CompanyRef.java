package dev.zhsearch.search;

/** A company named by a hit: canonical id and display name. */
public record CompanyRef(String id, String name) {}
