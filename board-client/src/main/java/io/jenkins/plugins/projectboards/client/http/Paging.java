package io.jenkins.plugins.projectboards.client.http;

import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.Vendor;

/**
 * The bound every paged read shares: a server that never stops paging (or an account with more than can sensibly be
 * listed) ends the listing with a typed error instead of holding the step and filling Jenkins' memory.
 */
public final class Paging {
    public static final int MAX_PAGES = 100;

    private Paging() {}

    /**
     * Call before reading page {@code page} (1 for the first).
     *
     * @throws ApiException when that page would be one more than {@link #MAX_PAGES}
     */
    public static void beforePage(Vendor vendor, String operation, int page, int pageSize) {
        if (page > MAX_PAGES) {
            throw new ApiException(vendor, operation, 0, "the listing has more than " + MAX_PAGES + " pages of " + pageSize
                    + " and was stopped there; name the object by id");
        }
    }
}
