package io.jenkins.plugins.projectboards.client;

/** A resolved column (Kanboard column, Planka list, Projectplace progress, KE-chain status). */
public record ColumnRef(String id, String name) {}
