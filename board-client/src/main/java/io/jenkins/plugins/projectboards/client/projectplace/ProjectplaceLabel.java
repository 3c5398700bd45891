package io.jenkins.plugins.projectboards.client.projectplace;

/** A label defined on a board; a card carries at most one. */
public record ProjectplaceLabel(String id, String name) {}
