package io.jenkins.plugins.projectboards.client.projectplace;

/** A Projectplace workspace (the API calls it a project). */
public record ProjectplaceWorkspace(String id, String name) {}
