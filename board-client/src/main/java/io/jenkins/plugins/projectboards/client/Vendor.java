package io.jenkins.plugins.projectboards.client;

/** The board vendors this library speaks to; {@link #displayName()} is what error messages and consoles show. */
public enum Vendor {
    PLANKA("Planka"),
    KANBOARD("Kanboard"),
    PROJECTPLACE("Projectplace"),
    KECHAIN("KE-chain");

    private final String displayName;

    Vendor(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
