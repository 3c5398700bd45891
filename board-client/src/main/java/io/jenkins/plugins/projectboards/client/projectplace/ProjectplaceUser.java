package io.jenkins.plugins.projectboards.client.projectplace;

/** A member of the Projectplace account. */
public record ProjectplaceUser(String id, String email, String name) {}
