package io.jenkins.plugins.projectboards.client;

/** A resolved board (Kanboard project, Planka board, Projectplace board, KE-chain scope). */
public record BoardRef(String id, String name) {}
