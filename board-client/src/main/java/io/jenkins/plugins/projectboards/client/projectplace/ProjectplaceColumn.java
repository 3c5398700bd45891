package io.jenkins.plugins.projectboards.client.projectplace;

/** A board column ({@code progress}); its id is local to the board, a small integer. */
public record ProjectplaceColumn(String id, String name, int displayOrder) {}
