package io.jenkins.plugins.projectboards.internal;

import hudson.model.Item;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The permission a step's or trigger's form endpoints require: configuring the job, or administering Jenkins outside a job. */
@Restricted(NoExternalUse.class)
public final class FormPermissions {
    private FormPermissions() {}

    public static void checkConfigure(Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }
}
