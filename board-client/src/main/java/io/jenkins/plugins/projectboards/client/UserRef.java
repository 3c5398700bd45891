package io.jenkins.plugins.projectboards.client;

/** A resolved user: the vendor's id and the name the user is known by. */
public record UserRef(String id, String name) {}
